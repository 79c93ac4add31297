/**
 * The canonical gemeente records the subgraph serves. No BSN and no client number: a dossier is
 * reached by the person's pseudonym, a relation by KvK number, a WSP vacancy by the public vacancy id.
 */
import type { Regeling } from './payload-schemas.js';

/** A person's Participatiewet file at one gemeente system. */
export interface GemeenteDossier {
  /** Configured source system holding the file. */
  bronSysteem: string;
  gemeenteCode: string;
  naam: string;
  geboortedatum: string;
  regeling: Regeling;
  participatieladderTrede: number;
  klantmanager: string;
  inBeeldSinds: string;
  statushouder: boolean;
  bijgewerktOp: string;
}

/** What one gemeente system knows of an employer. */
export interface GemeenteWerkgeverRelatie {
  kvkNummer: string;
  bronSysteem: string;
  gemeenteCode: string;
  accountmanager: string;
  lksPlaatsingen: number;
  laatsteContact: string;
  bijgewerktOp: string;
}

/** A vacancy as the werkgeversservicepunt (WSP) of a gemeente system registered it. */
export interface WspVacature {
  /** Public vacancy id (see `adapters/kit/vacature-id.ts`). */
  id: string;
  bronSysteem: string;
  nummer: string;
  omschrijving: string;
  gemeenteCode: string;
}
