/**
 * The scenario kept in the browser's IndexedDB, so a reload finds it again. Plain IndexedDB: one
 * database, one store, one key. Storage can be refused (private windows, quota): then the
 * workbench works as before and only the reload loses the edits, so failures are reported, not thrown.
 */
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
  let opened: Promise<IDBDatabase> | null = null;
  const open = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }));
  const transact = async <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>) => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  };
  const at = (key: string): ScenarioStorage => ({
    load: () => transact('readonly', (store) => store.get(key)),
    save: async (value) => {
      await transact('readwrite', (store) => store.put(value, key));
    },
  });
  return { ...at(KEY), kept: at(KEPT_KEY) };
}
