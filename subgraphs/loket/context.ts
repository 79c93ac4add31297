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
import { bronSystemenVan, instrumentenByIds, kandidatenByIds, vacaturesByIds, werkgeversByKvk } from './store/index-queries.js';

export interface Context extends AccessAwareContext {
  db: Database;
  access: AccessContext;
  /** Access decisions of this request, per kandidaat and per employer. */
  besluiten: Besluiten & NonNullable<AccessAwareContext['besluiten']>;
  loaders: {
    toestemmingen: DataLoader<string, ToestemmingModel[]>;
    kandidaat: DataLoader<string, KandidaatModel | null>;
    vacature: DataLoader<string, VacatureModel | null>;
    werkgever: DataLoader<string, WerkgeverModel | null>;
    instrument: DataLoader<string, InstrumentModel | null>;
    /** Source systems that hold each entity, per kind. */
    bronSystemen: Record<'kandidaat' | 'vacature' | 'werkgever', DataLoader<string, string[]>>;
  };
}

export function createContext(db: Database, access: AccessContext): Context {
  const besluiten = createBesluiten(db, access);
  return {
    db,
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
      bronSystemen: {
        kandidaat: new DataLoader((ids) => bronSystemenVan(db, 'kandidaat', ids)),
        vacature: new DataLoader((ids) => bronSystemenVan(db, 'vacature', ids)),
        werkgever: new DataLoader((kvks) => bronSystemenVan(db, 'werkgever', kvks)),
      },
    },
  };
}
