/** An in-memory StorageBackend that behaves like storage.local where the registry relies on it. */
import type { StorageBackend } from '../../../src/storage/backend';
import { fakeLocks } from './locks';

export interface MemoryStorage extends StorageBackend {
  /** What is stored, as storage.local would hand it back (a structured copy). */
  data: Map<string, unknown>;
}

/**
 * Reads and writes take a turn of the event loop, as the real ones do, so unsynchronised
 * read-modify-write cycles really interleave. `quotaBytes`: like Chrome's QUOTA_BYTES, a write
 * that would make the stored JSON larger is refused whole with Chrome's message.
 */
export function memoryStorage({ quotaBytes = Infinity }: { quotaBytes?: number } = {}): MemoryStorage {
  const data = new Map<string, unknown>();
  const watchers = new Map<string, Set<(raw: unknown) => void>>();
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const size = (map: Map<string, unknown>) => JSON.stringify([...map]).length;
  const changed = (key: string) =>
    watchers.get(key)?.forEach((listener) => listener(structuredClone(data.get(key))));
  // One write for all the values, as storage.local.set: refused whole when it would pass the quota.
  async function saveAll(values: Record<string, unknown>): Promise<void> {
    await tick();
    const next = new Map(data);
    for (const [key, value] of Object.entries(values)) next.set(key, structuredClone(value));
    if (size(next) > quotaBytes) throw new Error('Resource::kQuotaBytes quota exceeded');
    for (const key of Object.keys(values)) data.set(key, next.get(key));
    Object.keys(values).forEach(changed);
  }
  return {
    data,
    async load(key) {
      await tick();
      return structuredClone(data.get(key));
    },
    save: (key, value) => saveAll({ [key]: value }),
    saveAll,
    async remove(key) {
      await tick();
      data.delete(key);
      changed(key);
    },
    watch(key, listener) {
      const set = watchers.get(key) ?? new Set();
      watchers.set(key, set.add(listener));
      return () => set.delete(listener);
    },
    exclusive: fakeLocks().exclusive,
  };
}
