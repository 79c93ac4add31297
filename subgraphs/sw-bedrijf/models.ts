/**
 * What the SW-bedrijf resolvers pass around: entity references as the gateway sends them (the key
 * only); the canonical records come from the adapter.
 */

/** A `Kandidaat` representation: the pseudonym. */
export interface KandidaatRef {
  id: string;
}

/** A `Werkgever` representation: the KvK number. */
export interface WerkgeverRef {
  kvkNummer: string;
}
