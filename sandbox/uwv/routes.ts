/**
 * The four UWV services of the sandbox over one world: KlantService, WerkgeverService,
 * VacatureService and InstrumentService. Lists and key indexes are built once here, not per
 * request, so the sandbox answers at national scale.
 */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import type { World } from '../generator/world-types.js';
import type { SandboxRoute } from '../kit/partner-server.js';
import { renderInstrument } from './instrument.js';
import { renderKlant, type UwvPersoon } from './klant.js';
import { soapServiceRoute } from './service.js';
import { renderVacature, type WerkNlVacatureRecord } from './vacature.js';
import { renderWerkgever, type UwvWerkgeverRecord } from './werkgever.js';

export function uwvRoutes(world: World, bronnen: BronnenConfig): SandboxRoute[] {
  const klanten: UwvPersoon[] = world.personen.flatMap((persoon) => (persoon.uwv ? [{ persoon, uwv: persoon.uwv }] : []));
  const werkgevers: UwvWerkgeverRecord[] = world.werkgevers.flatMap((werkgever) => (werkgever.uwv ? [{ werkgever, uwv: werkgever.uwv }] : []));
  const vacatures: WerkNlVacatureRecord[] = world.vacatures.flatMap((vacature) => (vacature.uwv ? [{ vacature, uwv: vacature.uwv }] : []));
  const instrumenten = world.instrumenten.filter((i) => i.aanbieder === 'UWV' && i.bronId === bronnen.uwv.id);

  return [
    soapServiceRoute({
      name: 'KlantService',
      zoek: 'ZoekKlanten',
      opvragen: { operation: 'OpvragenKlanten', sleutel: 'Klantnr', index: new Map(klanten.map((k) => [k.uwv.klantnummer, k])) },
      records: klanten,
      render: renderKlant,
    }),
    soapServiceRoute({
      name: 'WerkgeverService',
      zoek: 'ZoekWerkgevers',
      opvragen: { operation: 'OpvragenWerkgevers', sleutel: 'KvKnr', index: new Map(werkgevers.map((w) => [w.werkgever.kvkNummer, w])) },
      records: werkgevers,
      render: renderWerkgever,
    }),
    soapServiceRoute({
      name: 'VacatureService',
      zoek: 'ZoekVacatures',
      opvragen: { operation: 'OpvragenVacatures', sleutel: 'Vacaturenr', index: new Map(vacatures.map((v) => [v.uwv.vacaturenummer, v])) },
      records: vacatures,
      render: renderVacature,
    }),
    soapServiceRoute({ name: 'InstrumentService', zoek: 'ZoekInstrumenten', records: instrumenten, render: renderInstrument }),
  ];
}
