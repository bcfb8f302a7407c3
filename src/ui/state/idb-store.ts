/**
 * One IndexedDB object store as a small key–value store: plain IndexedDB, one database per store,
 * opened on first use. What the workbench keeps across reloads (the scenario, the user's files)
 * goes through it; callers decide what a refusal (private windows, quota) means for them.
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export function idbStore(database: string, store: string, factory: IDBFactory | undefined = globalThis.indexedDB): KeyValueStore {
  let opened: Promise<IDBDatabase> | null = null;
  const open = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (!factory) return reject(new Error('no IndexedDB'));
      const request = factory.open(database, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(store);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }));
  const transact = async <T>(mode: IDBTransactionMode, act: (objects: IDBObjectStore) => IDBRequest<T>) => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const request = act(tx.objectStore(store));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  };
  return {
    get: <T>(key: string) => transact<T | undefined>('readonly', (objects) => objects.get(key) as IDBRequest<T | undefined>),
    put: async (key, value) => void (await transact('readwrite', (objects) => objects.put(value, key))),
    delete: async (key) => void (await transact('readwrite', (objects) => objects.delete(key))),
  };
}
