/** An in-memory StorageArea that behaves like storage.local where the journal store relies on it. */
import type { StorageArea } from '../../../src/journal/journalStore';

export interface MemoryStorage extends StorageArea {
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
  let queue: Promise<unknown> = Promise.resolve();
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const size = (map: Map<string, unknown>) => JSON.stringify([...map]).length;
  return {
    data,
    async load(key) {
      await tick();
      return structuredClone(data.get(key));
    },
    async save(key, value) {
      await tick();
      const next = new Map(data).set(key, structuredClone(value));
      if (size(next) > quotaBytes) throw new Error('Resource::kQuotaBytes quota exceeded');
      data.set(key, structuredClone(value));
    },
    exclusive(_name, task) {
      const run = queue.then(task, task);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
