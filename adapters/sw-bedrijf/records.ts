/**
 * Canonical records the SW-bedrijf adapter delivers to its subgraph. No BSN, no names, no
 * personeelsnummer: only what the graph shows.
 */

/** A person's employment at an SW-bedrijf (Wsw or beschut werk). */
export interface SwMedewerker {
  /** Pseudonym of the person. */
  id: string;
  /** Configured source system, e.g. `sw-am36`. */
  bronSysteem: string;
  /** Name of the SW-bedrijf, e.g. `SW-bedrijf Regio Zwolle`. */
  swBedrijf: string;
  soort: 'WSW' | 'BESCHUT_WERK';
  /** ISO date. */
  inDienstSinds: string;
  werkfit: boolean;
  urenPerWeek: number;
  /** KvK number of the employer where the person is seconded, if any. */
  gedetacheerdBijKvk: string | null;
  /** ISO timestamp of the company's last change. */
  bijgewerktOp: string;
}

/** What the SW-bedrijven second to one employer, in aggregate (no persons). */
export interface SwDetacheringen {
  kvkNummer: string;
  /** Name of the SW-bedrijf; names joined by `, ` in the rare case several second people here. */
  swBedrijf: string;
  aantalMedewerkers: number;
  urenPerWeek: number;
}
