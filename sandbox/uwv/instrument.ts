/**
 * Renders a UWV instrument (no-riskpolis, proefplaatsing, jobcoach, ...) as an `<Instrument>`
 * element. Instruments carry no business date, so a corrupt one gets an impossible `DatTijdWijziging`.
 */
import type { Instrument } from '../generator/world-types.js';
import { ONMOGELIJK_TIJDSTIP, tijdstip } from './formats.js';
import { element, group } from './xml.js';

export function renderInstrument(instrument: Instrument): string {
  const doelgroepen = group('Doelgroepen', instrument.doelgroepen.map((d) => element('Doelgroep', d)).join(''));
  return group(
    'Instrument',
    element('InstrumentCd', instrument.id) +
      element('Naam', instrument.naam) +
      element('SrtInstrument', instrument.soort) +
      doelgroepen +
      element('Voorwaarden', instrument.voorwaarden) +
      element('MaxBedrag', instrument.maxBedrag) +
      element('MaxDuurMnd', instrument.maxDuurMaanden) +
      element('DatTijdWijziging', instrument.corrupt ? ONMOGELIJK_TIJDSTIP : tijdstip(instrument.bijgewerktOp)),
  );
}
