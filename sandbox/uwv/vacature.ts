/** Renders a werk.nl vacancy as a `<Vacature>` element. */
import type { Vacature } from '../generator/world-types.js';
import { ONMOGELIJKE_DATUM, datum, gemeentecode, indicatie, tijdstip } from './formats.js';
import { element, group } from './xml.js';

/** A vacancy together with its werk.nl slice (only vacancies on werk.nl are served). */
export interface WerkNlVacatureRecord {
  vacature: Vacature;
  uwv: NonNullable<Vacature['uwv']>;
}

export function renderVacature({ vacature, uwv }: WerkNlVacatureRecord): string {
  return group(
    'Vacature',
    element('Vacaturenr', uwv.vacaturenummer) +
      element('KvKnr', vacature.kvkNummer) +
      element('Functienaam', vacature.titel) +
      element('SrtVacature', vacature.soort) +
      element('BeroepCd', vacature.beroepscode) +
      element('Gemeentecode', gemeentecode(vacature.gemeenteCode)) +
      element('Postcd', vacature.postcode) +
      element('UrenPerWeek', vacature.urenPerWeek) +
      element('WerkDenkniveau', vacature.werkDenkNiveau) +
      element('IndBanenafspraak', indicatie(vacature.banenafspraak)) +
      element('Omschrijving', vacature.omschrijving) +
      element('DatPlaatsing', uwv.corrupt ? ONMOGELIJKE_DATUM : datum(vacature.geplaatstOp)) +
      element('DatTijdWijziging', tijdstip(vacature.bijgewerktOp)),
  );
}
