/**
 * Stored state in the web app: the registry (src/storage/registry.ts) on IndexedDB, behind the same
 * StorageBackend the extension puts storage.local behind. One object store holds key -> value; every
 * write is one readwrite transaction (saveAll: several keys in one), which IndexedDB commits whole
 * or not at all, so a full disk refuses it and keeps what was there. Writes take the key's Web Lock,
 * which every tab of the app shares; other tabs hear of a change on a BroadcastChannel (IndexedDB
 * has no change events), this one through its own listeners.
 */
import { isQuotaError, MoodtabError } from '../common/errors';
import type { StorageBackend } from '../storage/backend';
import { openValuesDb, readValue, writeValues } from './indexedDb';
import { clearLegacyItems, legacyItems, type LegacyArea } from './legacyStorage';

export const DATABASE_NAME = 'moodtab';
const CHANNEL_NAME = 'moodtab:storage';

type Listener = (raw: unknown) => void;
interface Change {
  key: string;
  value: unknown;
}
/** What BroadcastChannel offers that the storage uses: a test hands in its own. */
export type ChangeChannel = Pick<
  BroadcastChannel,
  'postMessage' | 'addEventListener' | 'removeEventListener'
>;

export interface WebStorage extends StorageBackend {
  /** Writes several values in one transaction (undefined removes a key): all of them, or none. */
  saveAll(values: Record<string, unknown>): Promise<void>;
}

export interface WebStorageOptions {
  indexedDB?: IDBFactory;
  databaseName?: string;
  /** Web Locks (navigator.locks); without them, tasks queue in this page only. */
  locks?: Pick<LockManager, 'request'>;
  /** Where the tabs of the app tell each other of changes; without one, only this page hears. */
  channel?: ChangeChannel;
  /** Where an earlier version of the app kept its values (localStorage): moved over once. */
  legacy?: LegacyArea;
}

function pageQueue() {
  const queues = new Map<string, Promise<unknown>>();
  return <T>(name: string, task: () => Promise<T>): Promise<T> => {
    const run = (queues.get(name) ?? Promise.resolve()).then(task, task);
    queues.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };
}

const orUndefined = <T>(make: () => T): T | undefined => {
  try {
    return make();
  } catch {
    return undefined; // a browser without it, or a page denied it (storage blocked)
  }
};

/** The browser's own, made only for what the caller did not hand in (undefined included). */
const DEFAULTS: { [K in keyof WebStorageOptions]-?: () => WebStorageOptions[K] } = {
  indexedDB: () => orUndefined(() => indexedDB),
  databaseName: () => DATABASE_NAME,
  locks: () => (typeof navigator === 'undefined' ? undefined : navigator.locks),
  channel: () => (typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL_NAME)),
  legacy: () => orUndefined(() => localStorage),
};

function withDefaults(options: WebStorageOptions): WebStorageOptions {
  const chosen = (key: keyof WebStorageOptions) => (key in options ? options[key] : DEFAULTS[key]());
  return Object.fromEntries(
    Object.keys(DEFAULTS).map((key) => [key, chosen(key as keyof WebStorageOptions)]),
  );
}

/** A failed write as the registry's callers know it: storage-full when the quota refused it. */
function writeFailure(keys: string[], error: unknown): unknown {
  if (!isQuotaError(error)) return error;
  return new MoodtabError('storage-full', `IndexedDB refused ${keys.join(', ')}: ${String(error)}`);
}

export function webStorage(options: WebStorageOptions = {}): WebStorage {
  const { indexedDB: factory, databaseName = DATABASE_NAME, locks, channel, legacy } = withDefaults(options);
  let opened: Promise<IDBDatabase> | undefined;
  const database = () => {
    if (!factory) return Promise.reject(new MoodtabError('internal', 'IndexedDB is not available'));
    opened ??= openValuesDb(factory, databaseName, (store) => {
      for (const [key, value] of legacyItems(legacy)) store.put(value, key);
    }).then((db) => {
      clearLegacyItems(legacy);
      return db;
    });
    return opened;
  };

  const listeners = new Map<string, Set<Listener>>();
  const tell = ({ key, value }: Change) => listeners.get(key)?.forEach((listener) => listener(value));
  channel?.addEventListener('message', (event) => tell((event as MessageEvent<Change>).data));

  async function saveAll(values: Record<string, unknown>) {
    const changes = new Map(Object.entries(values));
    try {
      await writeValues(await database(), changes);
    } catch (error) {
      throw writeFailure([...changes.keys()], error);
    }
    for (const [key, value] of changes) {
      tell({ key, value: structuredClone(value) });
      channel?.postMessage({ key, value });
    }
  }
  const queued = pageQueue();
  return {
    load: async (key) => readValue(await database(), key),
    save: (key, value) => saveAll({ [key]: value }),
    remove: (key) => saveAll({ [key]: undefined }),
    saveAll,
    watch(key, listener) {
      const own = listeners.get(key) ?? new Set();
      listeners.set(key, own.add(listener));
      return () => own.delete(listener);
    },
    exclusive: <T>(name: string, task: () => Promise<T>): Promise<T> =>
      locks ? (locks.request(name, task) as Promise<T>) : queued(name, task),
  };
}
