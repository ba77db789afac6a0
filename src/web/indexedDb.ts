/**
 * The few IndexedDB steps the web app's storage needs, as promises: one database with one object
 * store of key -> value. A write of several values is one readwrite transaction, so IndexedDB
 * commits all of them or, when anything fails (a full disk: QuotaExceededError), none.
 */

/** The object store every value lives in, under its registry key. */
export const VALUES_STORE = 'values';

const requestDone = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const transactionDone = (transaction: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    // error and abort both end here: an aborted transaction has written nothing.
    transaction.onabort = () => reject(transaction.error ?? new DOMException('Aborted', 'AbortError'));
  });

/**
 * Opens the database, creating the store the first time; `onCreate` runs inside that first
 * (versionchange) transaction, so what it puts there commits together with the store or not at all.
 */
export async function openValuesDb(
  factory: IDBFactory,
  name: string,
  onCreate: (store: IDBObjectStore) => void,
): Promise<IDBDatabase> {
  const request = factory.open(name, 1);
  request.onupgradeneeded = () => onCreate(request.result.createObjectStore(VALUES_STORE));
  const db = await requestDone(request);
  // A newer version in another tab waits for this connection: let it go rather than block it.
  db.onversionchange = () => db.close();
  return db;
}

export async function readValue(db: IDBDatabase, key: string): Promise<unknown> {
  const store = db.transaction(VALUES_STORE, 'readonly').objectStore(VALUES_STORE);
  return requestDone(store.get(key));
}

/** Puts every entry (undefined: deletes the key) in one transaction: all are written, or none. */
export async function writeValues(db: IDBDatabase, values: ReadonlyMap<string, unknown>): Promise<void> {
  const transaction = db.transaction(VALUES_STORE, 'readwrite');
  const done = transactionDone(transaction);
  try {
    const store = transaction.objectStore(VALUES_STORE);
    for (const [key, value] of values) {
      if (value === undefined) store.delete(key);
      else store.put(value, key);
    }
  } catch (error) {
    // A put that throws at once (a value that cannot be cloned, a store over its quota) undoes the rest.
    transaction.abort();
    await done.catch(() => undefined);
    throw error;
  }
  await done;
}
