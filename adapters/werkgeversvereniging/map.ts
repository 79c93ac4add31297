/**
 * Maps validated native resources to the adapter's canonical records and to the loket index
 * records. Vacancy ids come from `vacatureId`, so a branche vacancy also posted at UWV or the WSP
 * merges with its copies.
 */
import type { IndexInstrument, IndexVacature, IndexWerkgever } from '../kit/index-records.js';
import { vacatureId } from '../kit/vacature-id.js';
import type { InstrumentResource, VacatureIdentiteit, VacatureResource, WerkgeverResource } from './payload-schemas.js';
import type { WvVacature, WvWerkgever } from './records.js';
import { BRON } from './source.js';

export function toWerkgever({ attributes: a, lidmaatschap }: WerkgeverResource): WvWerkgever {
  return {
    kvkNummer: a.kvkNummer,
    handelsnaam: a.handelsnaam,
    sbiCode: a.sbiCode,
    sector: a.sector,
    gemeenteCode: a.vestigingsgemeente,
    werkleerplekken: a.werkleerplekken,
    lidmaatschap,
    bijgewerktOp: a.gewijzigdOp,
  };
}

/** The public id of a native vacancy. */
export function publicVacatureId({ attributes: a }: VacatureIdentiteit | VacatureResource): string {
  return vacatureId(a.kvkNummer, a.titel, a.postcode);
}

export function toVacature(resource: VacatureResource): WvVacature {
  const a = resource.attributes;
  return {
    id: publicVacatureId(resource),
    kvkNummer: a.kvkNummer,
    titel: a.titel,
    branche: a.branche,
    soort: a.soort,
    gemeenteCode: a.gemeente,
    postcode: a.postcode,
    urenPerWeek: a.urenPerWeek,
    geplaatstOp: a.geplaatstOp,
    bijgewerktOp: a.gewijzigdOp,
  };
}

export function toIndexWerkgever(werkgever: WvWerkgever): IndexWerkgever {
  return { kvkNummer: werkgever.kvkNummer, bron: BRON, naam: werkgever.handelsnaam, gemeenteCode: werkgever.gemeenteCode, bijgewerktOp: werkgever.bijgewerktOp, sector: werkgever.sector };
}

export function toIndexVacature(vacature: WvVacature): IndexVacature {
  return {
    id: vacature.id,
    bron: BRON,
    soort: vacature.soort,
    titel: vacature.titel,
    kvkNummer: vacature.kvkNummer,
    gemeenteCode: vacature.gemeenteCode,
    postcode: vacature.postcode,
    // Associations classify by branche, not by occupation or level.
    beroepscode: null,
    werkDenkNiveau: null,
    urenPerWeek: vacature.urenPerWeek,
    doelgroepen: [],
    geplaatstOp: vacature.geplaatstOp,
    bijgewerktOp: vacature.bijgewerktOp,
  };
}

export function toIndexInstrument({ id, attributes: a }: InstrumentResource): IndexInstrument {
  return {
    id,
    bron: BRON,
    naam: a.naam,
    soort: a.soort,
    // Sector funds work nationally, for the members of their branche.
    gemeenteCode: null,
    regioCode: null,
    doelgroepen: a.doelgroepen,
    voorwaarden: a.voorwaarden,
    maxBedrag: a.maxBedrag,
    maxDuurMaanden: a.maxDuurMaanden,
    bijgewerktOp: a.gewijzigdOp,
  };
}
