/**
 * `instrumenten.csv`: the instruments an SW-bedrijf offers (detachering, begeleid werken, diagnose- en
 * werkfittrajecten), in the company's own words: the kind in lower case (`begeleid werken`), target
 * groups comma-separated, amounts with a decimal comma. A corrupt record gets an impossible
 * `laatst_gewijzigd` date.
 */
import type { Instrument } from '../generator/world-types.js';
import { decimaal, excelCsv, onmogelijkTijdstip, tijdstipNL } from './excel-csv.js';

export const INSTRUMENTEN_KOLOMMEN = ['instrument_id', 'naam', 'soort', 'doelgroepen', 'voorwaarden', 'max_bedrag', 'max_duur_maanden', 'laatst_gewijzigd'] as const;

function instrumentRegel(instrument: Instrument): string[] {
  return [
    instrument.id,
    instrument.naam,
    instrument.soort.toLowerCase().replace(/_/g, ' '),
    instrument.doelgroepen.join(','),
    instrument.voorwaarden,
    instrument.maxBedrag === null ? '' : decimaal(instrument.maxBedrag, 2),
    instrument.maxDuurMaanden === null ? '' : String(instrument.maxDuurMaanden),
    instrument.corrupt ? onmogelijkTijdstip(instrument.bijgewerktOp) : tijdstipNL(instrument.bijgewerktOp),
  ];
}

export function instrumentenCsv(instrumenten: readonly Instrument[]): string {
  return excelCsv(INSTRUMENTEN_KOLOMMEN, instrumenten.map(instrumentRegel));
}
