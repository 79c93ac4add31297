/**
 * Maps validated SW-bedrijf rows to canonical records (for the subgraph) and index records (for the
 * loket). Target groups come from the company's data: `WSW` or `BESCHUT_WERK` from the kind of
 * employment, `VIJFTIG_PLUS` from the age on the given day.
 */
import type { RegionaleBronConfig } from '../kit/bronnen.js';
import type { IndexInstrument, IndexKandidaat, IndexWerkgever } from '../kit/index-records.js';
import { isVijftigPlus } from '../kit/leeftijd.js';
import type { Doelgroep } from '../kit/vocabulary.js';
import type { InstrumentRij, MedewerkerRij, WerkgeverRij } from './payload-schemas.js';
import type { SwDetacheringen, SwMedewerker } from './records.js';

export function doelgroepen(rij: MedewerkerRij, vandaag: Date): Doelgroep[] {
  const groepen: Doelgroep[] = [rij.dienstverband];
  if (isVijftigPlus(rij.geboortedatum, vandaag)) groepen.push('VIJFTIG_PLUS');
  return groepen;
}

export function toSwMedewerker(id: string, rij: MedewerkerRij, bron: RegionaleBronConfig): SwMedewerker {
  return {
    id,
    bronSysteem: bron.id,
    swBedrijf: bron.naam,
    soort: rij.dienstverband,
    inDienstSinds: rij.in_dienst_sinds,
    werkfit: rij.werkfit,
    urenPerWeek: rij.uren_per_week,
    gedetacheerdBijKvk: rij.gedetacheerd_bij_kvk,
    bijgewerktOp: rij.laatst_gewijzigd,
  };
}

export function toIndexKandidaat(id: string, rij: MedewerkerRij, vandaag: Date): IndexKandidaat {
  return {
    id,
    bron: 'SW_BEDRIJF',
    gemeenteCode: rij.gemeentecode,
    doelgroepen: doelgroepen(rij, vandaag),
    competenties: [],
    werkDenkNiveau: null,
    beschikbaarPer: null,
    bijgewerktOp: rij.laatst_gewijzigd,
  };
}

export function toIndexWerkgever(rij: WerkgeverRij): IndexWerkgever {
  return { kvkNummer: rij.kvk_nummer, bron: 'SW_BEDRIJF', naam: rij.naam, gemeenteCode: rij.gemeentecode, bijgewerktOp: rij.laatst_gewijzigd };
}

export function toIndexInstrument(rij: InstrumentRij, bron: RegionaleBronConfig): IndexInstrument {
  return {
    id: rij.instrument_id,
    bron: 'SW_BEDRIJF',
    naam: rij.naam,
    soort: rij.soort,
    gemeenteCode: null,
    regioCode: bron.regio,
    doelgroepen: rij.doelgroepen,
    voorwaarden: rij.voorwaarden,
    maxBedrag: rij.max_bedrag,
    maxDuurMaanden: rij.max_duur_maanden,
    bijgewerktOp: rij.laatst_gewijzigd,
  };
}

/**
 * One employer's secondments summed over the SW-bedrijven that report it (usually one), zero when
 * they work with the employer but second nobody now; null when no SW-bedrijf reports it.
 */
export function toSwDetacheringen(kvkNummer: string, perBedrijf: readonly { bron: RegionaleBronConfig; rij: WerkgeverRij }[]): SwDetacheringen | null {
  if (perBedrijf.length === 0) return null;
  return {
    kvkNummer,
    swBedrijf: perBedrijf.map(({ bron }) => bron.naam).join(', '),
    aantalMedewerkers: perBedrijf.reduce((som, { rij }) => som + rij.aantal_gedetacheerden, 0),
    urenPerWeek: perBedrijf.reduce((som, { rij }) => som + rij.uren_per_week_totaal, 0),
  };
}
