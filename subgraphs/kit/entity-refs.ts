/**
 * Entity references as the gateway hands them to a subgraph that extends an entity: just the key.
 * Partner subgraphs map their entity types to these in `codegen-mappers.json` (via `models.ts`).
 */
export interface KandidaatRef {
  /** Pseudonym. */
  id: string;
}

export interface WerkgeverRef {
  kvkNummer: string;
}

export interface VacatureRef {
  id: string;
}

export interface GemeenteRef {
  code: string;
}
