/** Renders an employer UWV has contact with as a `<Werkgever>` element. */
import type { UwvWerkgever, Werkgever } from '../generator/world-types.js';
import { ONMOGELIJKE_DATUM, datum, gemeentecode, tijdstip } from './formats.js';
import { element, group } from './xml.js';

/** An employer together with the UWV slice (only employers UWV knows are served). */
export interface UwvWerkgeverRecord {
  werkgever: Werkgever;
  uwv: UwvWerkgever;
}

export function renderWerkgever({ werkgever, uwv }: UwvWerkgeverRecord): string {
  return group(
    'Werkgever',
    element('KvKnr', werkgever.kvkNummer) +
      element('Handelsnaam', werkgever.naam) +
      element('Gemeentecode', gemeentecode(werkgever.gemeenteCode)) +
      element('Accountmanager', uwv.accountmanager) +
      element('DatLaatsteContact', uwv.corrupt ? ONMOGELIJKE_DATUM : datum(uwv.laatsteContact)) +
      element('AantContactmomenten', uwv.aantalContacten) +
      element('DatTijdWijziging', tijdstip(uwv.bijgewerktOp)),
  );
}
