/**
 * Renders the world's werkgeversvereniging slices as JSON:API resources: member employers with their
 * `lidmaatschappen`, branche vacancies and sector-fund instruments. A corrupt slice loses one
 * required attribute (and keeps its `id`), as a half-filled record in an association's CRM would.
 */
import type { Instrument, Lidmaatschap, Vacature, Werkgever } from '../generator/world-types.js';
import type { JsonApiResource } from './jsonapi-document.js';

export type LidWerkgever = Werkgever & { werkgeversvereniging: Lidmaatschap };
export type BrancheVacature = Vacature & { werkgeversvereniging: NonNullable<Vacature['werkgeversvereniging']> };

export interface WerkgeverResources {
  werkgever: JsonApiResource;
  lidmaatschap: JsonApiResource;
}

function without(attributes: Record<string, unknown>, name: string, corrupt: boolean | undefined): Record<string, unknown> {
  if (!corrupt) return attributes;
  const { [name]: _left, ...rest } = attributes;
  return rest;
}

/** `1234AB` → `1234 AB`, as the associations' systems print postcodes. */
function postcodeMetSpatie(postcode: string): string {
  return `${postcode.slice(0, 4)} ${postcode.slice(4)}`;
}

/** Native vocabulary: lower-case kebab (`VIJFTIG_PLUS` → `vijftig-plus`). */
function kebab(code: string): string {
  return code.toLowerCase().replace(/_/g, '-');
}

export function werkgeverResources(werkgever: LidWerkgever): WerkgeverResources {
  const lid = werkgever.werkgeversvereniging;
  const lidmaatschapId = `lm-${werkgever.kvkNummer}`;
  return {
    werkgever: {
      type: 'werkgevers',
      id: werkgever.kvkNummer,
      attributes: without(
        {
          kvkNummer: werkgever.kvkNummer,
          handelsnaam: werkgever.naam,
          sbiCode: werkgever.sbiCode,
          sector: werkgever.sector,
          vestigingsgemeente: werkgever.gemeenteCode,
          werkleerplekken: lid.werkleerplekken,
          gewijzigdOp: lid.bijgewerktOp,
        },
        'handelsnaam',
        lid.corrupt,
      ),
      relationships: { lidmaatschap: { data: { type: 'lidmaatschappen', id: lidmaatschapId } } },
    },
    lidmaatschap: {
      type: 'lidmaatschappen',
      id: lidmaatschapId,
      attributes: { branche: lid.branche, vereniging: lid.vereniging, cao: lid.cao, lidSinds: lid.lidSinds },
    },
  };
}

export function vacatureResource(vacature: BrancheVacature): JsonApiResource {
  const slice = vacature.werkgeversvereniging;
  return {
    type: 'vacatures',
    id: slice.id,
    attributes: without(
      {
        kvkNummer: vacature.kvkNummer,
        titel: vacature.titel,
        branche: slice.branche,
        soort: kebab(vacature.soort),
        gemeente: vacature.gemeenteCode,
        postcode: postcodeMetSpatie(vacature.postcode),
        urenPerWeek: vacature.urenPerWeek,
        geplaatstOp: vacature.geplaatstOp,
        gewijzigdOp: vacature.bijgewerktOp,
      },
      'geplaatstOp',
      slice.corrupt,
    ),
  };
}

export function instrumentResource(instrument: Instrument): JsonApiResource {
  return {
    type: 'instrumenten',
    id: instrument.id,
    attributes: without(
      {
        naam: instrument.naam,
        soort: kebab(instrument.soort),
        doelgroepen: instrument.doelgroepen.map(kebab),
        voorwaarden: instrument.voorwaarden,
        maxBedrag: instrument.maxBedrag,
        maxDuurMaanden: instrument.maxDuurMaanden,
        gewijzigdOp: instrument.bijgewerktOp,
      },
      'naam',
      instrument.corrupt,
    ),
  };
}
