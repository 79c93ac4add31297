/**
 * Canonical records of what UWV knows, after validation and pseudonymisation: no BSN, no client
 * number. The uwv subgraph serves its graph fields from these.
 */
import type { VacatureSoort } from '../kit/vocabulary.js';

export type UwvUitkeringSoort = 'WW' | 'WIA' | 'WAJONG';

/** A job seeker as UWV knows them (Sonar / Suwinet klantbeeld). */
export interface UwvKlant {
  /** Pseudonym of the BSN. */
  id: string;
  voornamen: string;
  /** e.g. `van der`; null when none. */
  voorvoegsel: string | null;
  achternaam: string;
  /** ISO date. */
  geboortedatum: string;
  /** CBS code, e.g. `GM0193`. */
  gemeenteCode: string;
  uitkering: UwvUitkeringSoort | null;
  doelgroepregister: boolean;
  beschutWerk: boolean;
  /** ISCO-08 code of the desired occupation. */
  beroepscode: string | null;
  /** ISO date of registration as job seeker. */
  ingeschrevenSinds: string;
  /** VUM gedragscompetentie codes. */
  competenties: string[];
  werkDenkNiveau: number | null;
  beschikbaarPer: string | null;
  /** ISO timestamp of UWV's last change. */
  bijgewerktOp: string;
}

/** UWV's relation with an employer (WSP account management). */
export interface UwvWerkgeverRelatie {
  kvkNummer: string;
  handelsnaam: string;
  gemeenteCode: string;
  accountmanager: string;
  /** ISO date of the last contact. */
  laatsteContact: string;
  aantalContactmomenten: number;
  bijgewerktOp: string;
}

/** A vacancy on werk.nl. */
export interface WerkNlVacature {
  /** Public, deduplicated id (see `adapters/kit/vacature-id.ts`). */
  id: string;
  /** werk.nl vacancy number; public on werk.nl. */
  vacaturenummer: string;
  kvkNummer: string;
  titel: string;
  soort: VacatureSoort;
  beroepscode: string | null;
  gemeenteCode: string;
  postcode: string;
  urenPerWeek: number | null;
  werkDenkNiveau: number | null;
  banenafspraak: boolean;
  omschrijving: string;
  /** ISO date. */
  geplaatstOp: string;
  bijgewerktOp: string;
}
