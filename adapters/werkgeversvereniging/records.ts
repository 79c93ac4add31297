/**
 * Canonical records of the werkgeversvereniging adapter: what the subgraph serves about an
 * association's member employers and branche vacancies. No partner-internal keys beyond the KvK
 * number (which is public) and no person data: associations hold none.
 */
import type { VacatureSoort } from '../kit/vocabulary.js';

/** Membership of a branche or employer association. */
export interface WvLidmaatschap {
  branche: string;
  vereniging: string;
  cao: string;
  /** ISO date. */
  lidSinds: string;
}

/** A member employer as the association registers it. */
export interface WvWerkgever {
  kvkNummer: string;
  handelsnaam: string;
  /** SBI code as registered with the association. */
  sbiCode: string;
  sector: string;
  /** CBS code of the establishment's gemeente, e.g. `GM0193`. */
  gemeenteCode: string;
  /** Committed capacity for work-learning places. */
  werkleerplekken: number;
  /** Null when the association lists the employer without a current membership. */
  lidmaatschap: WvLidmaatschap | null;
  /** ISO timestamp of the association's last change. */
  bijgewerktOp: string;
}

/** A vacancy posted through a branche association. */
export interface WvVacature {
  /** Public id from `vacatureId(kvk, titel, postcode)`. */
  id: string;
  kvkNummer: string;
  titel: string;
  branche: string;
  soort: VacatureSoort;
  gemeenteCode: string;
  /** `1234AB`, without the space. */
  postcode: string;
  urenPerWeek: number;
  /** ISO date. */
  geplaatstOp: string;
  /** ISO timestamp. */
  bijgewerktOp: string;
}
