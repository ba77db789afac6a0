/**
 * Where stored state lives: storage.local in the extension (src/platform/browserApi.ts), a map in
 * tests, IndexedDB in a web app. Only src/storage calls it; everything else goes through the
 * registry (registry.ts), whose write path takes the key's lock.
 */
export interface StorageBackend {
  /** The raw value under `key`, undefined when nothing is stored. */
  load(key: string): Promise<unknown>;
  /** Writes the value whole: a full storage refuses it whole, leaving what was there. */
  save(key: string, value: unknown): Promise<void>;
  /**
   * Writes several values in one write (the journal's months): a full storage refuses them all,
   * leaving every one as it was.
   */
  saveAll(values: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
  /** Calls `listener` with the new raw value whenever `key` changes, in any page; returns the unsubscribe. */
  watch(key: string, listener: (raw: unknown) => void): () => void;
  /** Runs `task` while no other task holding the lock `name` runs, in any page or worker of the app. */
  exclusive<T>(name: string, task: () => Promise<T>): Promise<T>;
}
