/** Renders a person known to UWV as a Suwinet-style `<Klant>` element. */
import type { Persoon, UwvKlant } from '../generator/world-types.js';
import { ONMOGELIJKE_DATUM, datum, gemeentecode, indicatie, tijdstip } from './formats.js';
import { element, group } from './xml.js';

/** A person together with the UWV slice (only people UWV knows are served). */
export interface UwvPersoon {
  persoon: Persoon;
  uwv: UwvKlant;
}

export function renderKlant({ persoon, uwv }: UwvPersoon): string {
  const uitkering = uwv.uitkering ? group('Uitkering', element('SrtUitkering', uwv.uitkering)) : '';
  const competenties = group('Competenties', persoon.competenties.map((code) => element('CompetentieCd', code)).join(''));
  return group(
    'Klant',
    element('Klantnr', uwv.klantnummer) +
      element('Burgerservicenr', persoon.bsn) +
      element('Voornamen', persoon.voornaam) +
      element('Voorvoegsel', persoon.tussenvoegsel) +
      element('SignificantDeelVanDeAchternaam', persoon.achternaam) +
      element('Geboortedat', uwv.corrupt ? ONMOGELIJKE_DATUM : datum(persoon.geboortedatum)) +
      element('Gemeentecode', gemeentecode(persoon.gemeenteCode)) +
      element('Postcd', persoon.postcode) +
      uitkering +
      element('IndDoelgroepregister', indicatie(uwv.doelgroepregister)) +
      element('IndBeschutWerk', indicatie(uwv.beschutWerk)) +
      element('BeroepCd', uwv.beroepscode) +
      element('DatInschrijving', datum(uwv.inschrijfdatum)) +
      competenties +
      element('WerkDenkniveau', persoon.werkDenkNiveau) +
      element('DatBeschikbaar', datum(persoon.beschikbaarPer)) +
      element('DatTijdWijziging', tijdstip(uwv.bijgewerktOp)),
  );
}
