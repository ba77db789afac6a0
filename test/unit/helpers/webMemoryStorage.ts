/**
 * The web app's storage (src/web/storage.ts) on IndexedDB in memory (fake-indexeddb), shaped as
 * memoryStorage is, so the tests of stored state run on both backends (STORAGES).
 */
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { webStorage, type WebStorage, type WebStorageOptions } from '../../../src/web/storage';
import { fakeLocks } from './locks';
import { memoryStorage, type MemoryStorage } from './memoryStorage';

/** Each database's quota in JSON characters, and what its committed values are (kept by the helper). */
const quotas = new Map<string, { quotaChars: number; committed: Map<string, unknown> }>();
/** The values a readwrite transaction has put so far, before it commits. */
const pending = new WeakMap<IDBTransaction, Map<string, unknown>>();

// A full disk, as IndexedDB reports it: a put that would take the database past its quota throws
// QuotaExceededError. Installed once for every fake database; only those with a quota refuse.
const put = IDBObjectStore.prototype.put;
IDBObjectStore.prototype.put = function quotaPut(this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
  const quota = quotas.get(this.transaction.db.name);
  if (quota && typeof key === 'string') {
    const puts = pending.get(this.transaction) ?? new Map<string, unknown>();
    pending.set(this.transaction, puts.set(key, value));
    const after = new Map([...quota.committed, ...puts]);
    if (JSON.stringify([...after]).length > quota.quotaChars)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
  return put.call(this, value, key);
};

let databases = 0;

/** A fresh, empty IndexedDB for one storage, shared by every page opened on it. */
export function freshIndexedDb(quotaChars = Infinity) {
  const databaseName = `moodtab-test-${++databases}`;
  const committed = new Map<string, unknown>();
  quotas.set(databaseName, { quotaChars, committed });
  return { indexedDB: new IDBFactory(), databaseName, committed };
}

/** The values the storage committed, by key, as the registry wrote them; a set seeds one through it. */
class CommittedValues extends Map<string, unknown> {
  constructor(
    private readonly committed: Map<string, unknown>,
    private readonly seed: (key: string, value: unknown) => void,
  ) {
    super();
  }
  override get(key: string): unknown {
    return structuredClone(this.committed.get(key));
  }
  override has(key: string): boolean {
    return this.committed.has(key);
  }
  override set(key: string, value: unknown): this {
    this.seed(key, value);
    return this;
  }
}

/** Keeps `committed` as IndexedDB holds it: updated once a write's transaction has committed. */
function tracked(storage: WebStorage, committed: Map<string, unknown>): WebStorage {
  const record = (values: Record<string, unknown>) =>
    Object.entries(values).forEach(([key, value]) =>
      value === undefined ? committed.delete(key) : committed.set(key, structuredClone(value)),
    );
  const saveAll = async (values: Record<string, unknown>) => {
    await storage.saveAll(values);
    record(values);
  };
  return {
    ...storage,
    saveAll,
    save: (key, value) => saveAll({ [key]: value }),
    remove: (key) => saveAll({ [key]: undefined }),
  };
}

export function webMemoryStorage({
  quotaBytes = Infinity,
  ...options
}: { quotaBytes?: number } & WebStorageOptions = {}): MemoryStorage & WebStorage {
  const { committed, ...database } = freshIndexedDb(quotaBytes);
  const { exclusive } = fakeLocks();
  // Web Locks as the tabs of the app share them (navigator.locks.request with a task).
  const locks = { request: exclusive } as unknown as Pick<LockManager, 'request'>;
  const storage = tracked(
    webStorage({ ...database, locks, channel: undefined, legacy: undefined, ...options }),
    committed,
  );
  // Seeded through the storage itself: IndexedDB runs it before any later read or write of the key.
  const seed = (key: string, value: unknown) => void storage.save(key, value);
  return { ...storage, data: new CommittedValues(committed, seed) };
}

/** Both backends the registry runs on: storage.local (in memory) and the web app's IndexedDB. */
export const STORAGES = [
  ['storage.local', memoryStorage],
  ['web IndexedDB', webMemoryStorage],
] as const;
