/**
 * What the loket resolvers pass around: rows of the merged index with GraphQL field names, and the
 * CBS reference records. Mapped onto the GraphQL types in `codegen-mappers.json`.
 */
import type { Bron, Doelgroep, InstrumentSoort, VacatureSoort } from '../../adapters/kit/vocabulary.js';

export type { GemeenteRef as GemeenteModel, RegioRef as RegioModel } from '../../schema/referentie/gemeenten.js';

export interface KandidaatModel {
  [column: string]: unknown;
  id: string;
  regioCode: string;
  gemeenteCode: string;
  bronnen: Bron[];
  doelgroepen: Doelgroep[];
  competenties: string[];
  werkDenkNiveau: number | null;
  beschikbaarPer: string | null;
  bijgewerktOp: string;
}

export interface VacatureModel {
  [column: string]: unknown;
  id: string;
  regioCode: string;
  bron: Bron;
  bronnen: Bron[];
  soort: VacatureSoort;
  titel: string;
  kvkNummer: string;
  gemeenteCode: string;
  postcode: string;
  beroepscode: string | null;
  werkDenkNiveau: number | null;
  urenPerWeek: number | null;
  doelgroepen: Doelgroep[];
  geplaatstOp: string;
  bijgewerktOp: string;
}

export interface WerkgeverModel {
  [column: string]: unknown;
  kvkNummer: string;
  regioCode: string;
  naam: string;
  gemeenteCode: string;
  bronnen: Bron[];
  aantalBronnen: number;
  bijgewerktOp: string;
}

export interface InstrumentModel {
  id: string;
  aanbieder: Bron;
  naam: string;
  soort: InstrumentSoort;
  gemeenteCode: string | null;
  regioCode: string | null;
  doelgroepen: Doelgroep[];
  voorwaarden: string;
  maxBedrag: number | null;
  maxDuurMaanden: number | null;
}
