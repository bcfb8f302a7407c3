/**
 * The scenario kept in the browser's IndexedDB, so a reload finds it again. Plain IndexedDB: one
 * database, one store, one key. Storage can be refused (private windows, quota): then the
 * workbench works as before and only the reload loses the edits, so failures are reported, not thrown.
 */
import { idbStore } from './idb-store';

const DB_NAME = 'allot';
const STORE = 'scenarios';
const KEY = 'current';
const KEPT_KEY = 'kept';

export interface ScenarioStorage {
  load(): Promise<unknown>;
  save(value: unknown): Promise<void>;
  /** Where the scenarios kept for comparison are stored beside it; absent, they last for the visit only. */
  kept?: ScenarioStorage;
}

export function indexedDbStorage(factory: IDBFactory = indexedDB): ScenarioStorage {
  const store = idbStore(DB_NAME, STORE, factory);
  const at = (key: string): ScenarioStorage => ({
    load: () => store.get(key),
    save: (value) => store.put(key, value),
  });
  return { ...at(KEY), kept: at(KEPT_KEY) };
}
