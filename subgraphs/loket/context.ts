/**
 * Per-request context of the loket subgraph: the store, the request's access state and decisions,
 * and fresh DataLoaders, so entity references arriving in one `_entities` call become one query per
 * type.
 */
import DataLoader from 'dataloader';
import type { InstrumentModel, KandidaatModel, VacatureModel, WerkgeverModel } from './models.js';
import type { AccessContext } from '../kit/access/access-context.js';
import type { AccessAwareContext } from '../kit/access/enforce-access.js';
import type { Database } from '../kit/store/database.js';
import { createBesluiten, type Besluiten } from './toegang/besluiten.js';
import { toestemmingenVan, type ToestemmingModel } from './toegang/toestemming-store.js';
import { huidigeAccountmanagers, type AccountmanagerModel } from './register/accountmanager-store.js';
import { contactmomentenVan, type ContactmomentModel } from './register/contact-store.js';
import type { Benaderingsvenster } from './register/dubbele-benadering.js';
import type { VindLeveringsdoel } from './register/leveringsdoel.js';
import { bronSystemenVan, instrumentenByIds, kandidatenByIds, vacaturesByIds, werkgeversByKvk } from './store/index-queries.js';

/** What the contact register's writes need besides the store. */
export interface RegisterDependencies {
  /** The double-approach window of a region, in days. */
  venster: Benaderingsvenster;
  /** The registering organisation's own system, if it has one in the graph. */
  leveringsdoel: VindLeveringsdoel;
  /** Wakes the outbox after a registration; absent when this process delivers nothing. */
  outbox?: { kick(): void };
}

export interface Context extends AccessAwareContext {
  db: Database;
  register: RegisterDependencies;
  access: AccessContext;
  /** Access decisions of this request, per kandidaat and per employer. */
  besluiten: Besluiten & NonNullable<AccessAwareContext['besluiten']>;
  loaders: {
    toestemmingen: DataLoader<string, ToestemmingModel[]>;
    kandidaat: DataLoader<string, KandidaatModel | null>;
    vacature: DataLoader<string, VacatureModel | null>;
    werkgever: DataLoader<string, WerkgeverModel | null>;
    instrument: DataLoader<string, InstrumentModel | null>;
    /** An employer's register contacts, newest first (at most `first`). */
    contactmomenten: DataLoader<{ kvkNummer: string; first: number }, ContactmomentModel[], string>;
    /** An employer's current accountmanager in its region. */
    accountmanager: DataLoader<{ kvkNummer: string; regioCode: string }, AccountmanagerModel | null, string>;
    /** Source systems that hold each entity, per kind. */
    bronSystemen: Record<'kandidaat' | 'vacature' | 'werkgever', DataLoader<string, string[]>>;
  };
}

export function createContext(db: Database, access: AccessContext, register: RegisterDependencies): Context {
  const besluiten = createBesluiten(db, access);
  return {
    db,
    register,
    access,
    besluiten: { ...besluiten, besluit: (soort, id) => (soort === 'Kandidaat' ? besluiten.kandidaat : besluiten.werkgever).load(id) },
    loaders: {
      toestemmingen: new DataLoader(async (ids) => {
        const all = await toestemmingenVan(db, ids);
        return ids.map((id) => all.filter((t) => t.kandidaatId === id));
      }),
      kandidaat: new DataLoader((ids) => kandidatenByIds(db, ids)),
      vacature: new DataLoader((ids) => vacaturesByIds(db, ids)),
      werkgever: new DataLoader((kvks) => werkgeversByKvk(db, kvks)),
      instrument: new DataLoader((ids) => instrumentenByIds(db, ids)),
      contactmomenten: new DataLoader(
        async (keys) => {
          const first = Math.max(...keys.map((k) => k.first));
          const perWerkgever = await contactmomentenVan(db, [...new Set(keys.map((k) => k.kvkNummer))], first);
          return keys.map((k) => (perWerkgever.get(k.kvkNummer) ?? []).slice(0, k.first));
        },
        { cacheKeyFn: (k) => `${k.kvkNummer}/${k.first}` },
      ),
      accountmanager: new DataLoader((keys) => huidigeAccountmanagers(db, keys), { cacheKeyFn: (k) => `${k.kvkNummer}/${k.regioCode}` }),
      bronSystemen: {
        kandidaat: new DataLoader((ids) => bronSystemenVan(db, 'kandidaat', ids)),
        vacature: new DataLoader((ids) => bronSystemenVan(db, 'vacature', ids)),
        werkgever: new DataLoader((kvks) => bronSystemenVan(db, 'werkgever', kvks)),
      },
    },
  };
}
