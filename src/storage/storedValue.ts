/**
 * One stored value, the one way it is read and written. Every write takes the key's lock
 * (`moodtab:storage:<key>`, a Web Lock in the extension that every page and the service worker
 * share), so a read-modify-write in one page never interleaves with a write in another: a reset
 * in the options page cannot be undone by a rating the service worker is still writing.
 */
import type { StorageBackend } from './backend';

/** A key of the registry: what is stored under it, and who decides its shape. */
export interface KeyDefinition<T> {
  key: string;
  /** The folder of src/ whose code owns the value's shape and parser. */
  owner: 'model' | 'recommendation' | 'journal';
  /** Whatever storage held (absent, old or hand-edited) as a valid value: `initial` when nothing usable. */
  parse(raw: unknown): T;
  /** The value before anything is stored: what `parse(undefined)` gives. */
  initial: T;
}

/** What an edit of a stored value writes, and what it hands back to its caller. */
export interface Edited<T, R> {
  value: T;
  result: R;
}

export interface StoredValue<T> {
  readonly key: string;
  /** What it reads as while nothing is stored. */
  readonly initial: T;
  load(): Promise<T>;
  /** Reads, changes and writes the value under its lock. */
  update(change: (value: T) => T): Promise<void>;
  /** Like update, for a change that also answers something (how many entries it added). */
  edit<R>(change: (value: T) => Edited<T, R> | Promise<Edited<T, R>>): Promise<R>;
  /** Replaces the value (see `replace` below for when it is written). */
  set(value: T): Promise<void>;
  /** Removes the value: it reads as `initial` again (written as `set` is). */
  remove(): Promise<void>;
  /** Calls `listener` with the parsed value whenever any page changes it; returns the unsubscribe. */
  watch(listener: (value: T) => void): () => void;
}

export const lockName = (key: string): string => `moodtab:storage:${key}`;

/**
 * A replacement is written at once, so it is kept even when its page closes before the lock is
 * granted (a popup closed right after a change), and again under the lock, after any
 * read-modify-write in flight, so that one cannot undo it.
 */
async function replace(write: () => Promise<void>, locked: (task: () => Promise<void>) => Promise<void>) {
  await write();
  await locked(write);
}

export function storedValue<T>(
  backend: StorageBackend,
  { key, parse, initial }: KeyDefinition<T>,
): StoredValue<T> {
  const load = async () => parse(await backend.load(key));
  const locked = <R>(task: () => Promise<R>) => backend.exclusive(lockName(key), task);
  const edit = <R>(change: (value: T) => Edited<T, R> | Promise<Edited<T, R>>) =>
    locked(async () => {
      const { value, result } = await change(await load());
      await backend.save(key, value);
      return result;
    });
  return {
    key,
    initial,
    load,
    edit,
    update: (change) => edit((value) => ({ value: change(value), result: undefined })),
    set: (value) => replace(() => backend.save(key, value), locked),
    remove: () => replace(() => backend.remove(key), locked),
    watch: (listener) => backend.watch(key, (raw) => listener(parse(raw))),
  };
}
