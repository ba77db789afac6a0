/** One value in storage.local, read through its parser and changed one update at a time. */
export interface Store<T> {
  load(): Promise<T>;
  /** Reads, changes and writes the value; updates run in order, so two quick ones never lose either. */
  update(change: (value: T) => T): Promise<void>;
}

export interface StorageIo {
  load(key: string): Promise<unknown>;
  save(key: string, value: unknown): Promise<void>;
}

export function createStore<T>(key: string, parse: (raw: unknown) => T, storage: StorageIo): Store<T> {
  let queue: Promise<unknown> = Promise.resolve();
  const load = async () => parse(await storage.load(key));
  return {
    load,
    update(change) {
      const next = queue.then(async () => storage.save(key, change(await load())));
      queue = next.catch(() => undefined); // a failed update is the caller's; the next one still runs
      return next;
    },
  };
}
