/**
 * The web app's storage (src/web/storage.ts) on an in-memory localStorage, shaped as
 * memoryStorage is, so the tests of stored state run on both backends (STORAGES).
 */
import { STORAGE_PREFIX, webStorage } from '../../../src/web/storage';
import { fakeLocks } from './locks';
import { memoryStorage, type MemoryStorage } from './memoryStorage';

/** localStorage in memory. `quotaChars`: like a browser's quota, a write that would pass it throws. */
export function memoryArea(quotaChars = Infinity): Storage {
  const items = new Map<string, string>();
  const used = () => [...items].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      const before = items.get(key);
      items.set(key, String(value));
      if (used() <= quotaChars) return;
      if (before === undefined) items.delete(key);
      else items.set(key, before);
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

/** What the area holds, by registry key, as the registry wrote it (JSON, parsed back). */
class JsonItems extends Map<string, unknown> {
  constructor(private readonly area: Storage) {
    super();
  }
  override get(key: string): unknown {
    const text = this.area.getItem(STORAGE_PREFIX + key);
    return text === null ? undefined : JSON.parse(text);
  }
  override has(key: string): boolean {
    return this.area.getItem(STORAGE_PREFIX + key) !== null;
  }
  override set(key: string, value: unknown): this {
    this.area.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
    return this;
  }
  override delete(key: string): boolean {
    const had = this.has(key);
    this.area.removeItem(STORAGE_PREFIX + key);
    return had;
  }
}

export function webMemoryStorage({ quotaBytes = Infinity }: { quotaBytes?: number } = {}): MemoryStorage {
  const area = memoryArea(quotaBytes);
  const { exclusive } = fakeLocks();
  // Web Locks as the tabs of the app share them (navigator.locks.request with a task).
  const locks = { request: exclusive } as unknown as Pick<LockManager, 'request'>;
  return {
    ...webStorage({ area, locks, events: new EventTarget() }),
    data: new JsonItems(area),
  };
}

/** Both backends the registry runs on: storage.local (in memory) and the web app's localStorage. */
export const STORAGES = [
  ['storage.local', memoryStorage],
  ['web localStorage', webMemoryStorage],
] as const;
