/**
 * Canonical records an adapter contributes to the loket index. They hold only ids and matching
 * attributes (like VUM): no names, no BSN, no partner-internal keys. Every other field of the graph is
 * resolved by the owning subgraph through entity references.
 */
import type { Bron, Doelgroep, InstrumentSoort, VacatureSoort } from './vocabulary.js';

export interface IndexKandidaat {
  /** Pseudonym (see pseudonym.ts). */
  id: string;
  bron: Bron;
  gemeenteCode: string;
  doelgroepen: Doelgroep[];
  /** VUM gedragscompetentie codes (24100–24126). */
  competenties: string[];
  /** Werk-en-denkniveau 0–7, when the partner knows it. */
  werkDenkNiveau: number | null;
  /** ISO date from which the person can start, when known. */
  beschikbaarPer: string | null;
  /** When the partner last changed the record (ISO timestamp). */
  bijgewerktOp: string;
}

export interface IndexVacature {
  /** Deduplicated id (see vacature-id.ts). */
  id: string;
  bron: Bron;
  soort: VacatureSoort;
  titel: string;
  kvkNummer: string;
  gemeenteCode: string;
  postcode: string;
  /** UWV BO&C beroepscode, when known. */
  beroepscode: string | null;
  werkDenkNiveau: number | null;
  urenPerWeek: number | null;
  doelgroepen: Doelgroep[];
  geplaatstOp: string;
  bijgewerktOp: string;
}

export interface IndexWerkgever {
  kvkNummer: string;
  bron: Bron;
  /** Trade name as this partner knows it. */
  naam: string;
  gemeenteCode: string;
  bijgewerktOp: string;
  /** The employer's sector as its association classifies it, e.g. `Zorg en welzijn`; only a partner that classifies employers sets it. */
  sector?: string;
  /** SBB's recognition as leerbedrijf for at least one course; only SBB sets it. */
  erkendLeerbedrijf?: boolean;
}

export interface IndexInstrument {
  id: string;
  bron: Bron;
  naam: string;
  soort: InstrumentSoort;
  /** Set for an instrument of one gemeente; null when it applies everywhere the partner works. */
  gemeenteCode: string | null;
  /** Set for a regional instrument (e.g. of one SW-bedrijf); null when national or per gemeente. */
  regioCode: string | null;
  doelgroepen: Doelgroep[];
  /** Conditions in words, as the provider publishes them. */
  voorwaarden: string;
  /** Maximum amount in euros, when the instrument has one. */
  maxBedrag: number | null;
  /** Maximum duration in months, when the instrument has one. */
  maxDuurMaanden: number | null;
  bijgewerktOp: string;
}
