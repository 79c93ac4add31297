/**
 * Per-request context of the loket subgraph: the store and fresh DataLoaders, so entity references
 * arriving in one `_entities` call become one query per type.
 */
import DataLoader from 'dataloader';
import type { InstrumentModel, KandidaatModel, VacatureModel, WerkgeverModel } from './models.js';
import type { Database } from '../kit/store/database.js';
import { instrumentenByIds, kandidatenByIds, vacaturesByIds, werkgeversByKvk } from './store/index-queries.js';

export interface Context {
  db: Database;
  loaders: {
    kandidaat: DataLoader<string, KandidaatModel | null>;
    vacature: DataLoader<string, VacatureModel | null>;
    werkgever: DataLoader<string, WerkgeverModel | null>;
    instrument: DataLoader<string, InstrumentModel | null>;
  };
}

export function createContext(db: Database): Context {
  return {
    db,
    loaders: {
      kandidaat: new DataLoader((ids) => kandidatenByIds(db, ids)),
      vacature: new DataLoader((ids) => vacaturesByIds(db, ids)),
      werkgever: new DataLoader((kvks) => werkgeversByKvk(db, kvks)),
      instrument: new DataLoader((ids) => instrumentenByIds(db, ids)),
    },
  };
}
