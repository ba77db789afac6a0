/**
 * Stored state in the web app: the registry (src/storage/registry.ts) on the page's localStorage,
 * behind the same StorageBackend the extension puts storage.local behind. Every value is one JSON
 * item written whole (`moodtab:<key>`), so a full storage refuses it whole and keeps what was
 * there; several values written together are undone together. Writes take the key's Web Lock, which every tab of the app shares; other tabs hear of a
 * change through the `storage` event, this one through its own listeners.
 */
import { MoodtabError } from '../common/errors';
import type { StorageBackend } from '../storage/backend';

/** Each value's item name is its registry key after this. */
export const STORAGE_PREFIX = 'moodtab:';
const PREFIX = STORAGE_PREFIX;
type Listener = (raw: unknown) => void;

export interface WebStorageOptions {
  area?: Storage;
  /** Web Locks (navigator.locks); without them, tasks queue in this page only. */
  locks?: Pick<LockManager, 'request'>;
  /** Where other tabs' `storage` events arrive. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
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

const parse = (text: string | null): unknown => {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // hand-edited or cut short: the registry's parser falls back to the initial value
  }
};

export function webStorage({
  area = localStorage,
  locks = typeof navigator === 'undefined' ? undefined : navigator.locks,
  events = typeof window === 'undefined' ? undefined : window,
}: WebStorageOptions = {}): StorageBackend {
  const listeners = new Map<string, Set<Listener>>();
  const changed = (key: string) => {
    const raw = parse(area.getItem(PREFIX + key));
    listeners.get(key)?.forEach((listener) => listener(raw));
  };
  const queued = pageQueue();
  return {
    load: async (key) => parse(area.getItem(PREFIX + key)),
    async save(key, value) {
      try {
        area.setItem(PREFIX + key, JSON.stringify(value));
      } catch (error) {
        throw new MoodtabError('storage-full', `localStorage refused ${key}: ${String(error)}`);
      }
      changed(key);
    },
    async saveAll(values) {
      const keys = Object.keys(values);
      const before = keys.map((key) => [key, area.getItem(PREFIX + key)] as const);
      try {
        for (const key of keys) area.setItem(PREFIX + key, JSON.stringify(values[key]));
      } catch (error) {
        // localStorage writes item by item: undo the ones that fit. Removing them all first frees
        // the room the old values took, so putting those back cannot fail.
        for (const key of keys) area.removeItem(PREFIX + key);
        for (const [key, text] of before) if (text !== null) area.setItem(PREFIX + key, text);
        throw new MoodtabError('storage-full', `localStorage refused ${keys.join(', ')}: ${String(error)}`);
      }
      keys.forEach(changed);
    },
    async remove(key) {
      area.removeItem(PREFIX + key);
      changed(key);
    },
    watch(key, listener) {
      const own = listeners.get(key) ?? new Set();
      listeners.set(key, own.add(listener));
      const fromOtherTab = (event: Event) => {
        const { key: changedKey, newValue } = event as StorageEvent;
        if (changedKey === PREFIX + key) listener(parse(newValue));
      };
      events?.addEventListener('storage', fromOtherTab);
      return () => {
        own.delete(listener);
        events?.removeEventListener('storage', fromOtherTab);
      };
    },
    exclusive: <T>(name: string, task: () => Promise<T>): Promise<T> =>
      locks ? (locks.request(name, task) as Promise<T>) : queued(name, task),
  };
}
