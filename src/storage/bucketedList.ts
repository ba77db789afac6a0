/**
 * A long list kept in buckets (the journal: one key per UTC month), so a change writes only the
 * buckets it touches instead of the whole list. An index key names the buckets stored; every edit
 * runs under one lock for the whole list and ends in one `saveAll`, buckets and index together,
 * which a full storage refuses whole: what was stored before stays as it was.
 */
import type { StorageBackend } from './backend';
import { lockName, type KeyDefinition } from './storedValue';

export interface BucketedDefinition<T> {
  /** The lock's name, and the key the whole list was once stored under (moved into buckets once). */
  key: string;
  owner: KeyDefinition<unknown>['owner'];
  /** The key that lists the stored buckets, oldest first. */
  indexKey: string;
  bucketKey(bucket: string): string;
  /** Whether a name read from the index is a bucket's ('2025-06'); names sort oldest first. */
  isBucket(name: unknown): name is string;
  /** The bucket an item belongs in. */
  bucketOf(item: T): string;
  /** A bucket's raw value (or the old single value's) as valid items, in order. */
  parse(raw: unknown): T[];
  initial: T[];
}

/** The buckets as an edit sees them: what is stored, with the edit's own writes laid over it. */
export interface Buckets<T> {
  /** Oldest first, with any the edit added. */
  names(): string[];
  read(bucket: string): Promise<T[]>;
  /** Replaces a bucket's items; none removes the bucket. Written when the edit returns. */
  write(bucket: string, items: T[]): void;
}

export interface BucketedList<T> {
  readonly key: string;
  readonly initial: T[];
  /** Every item, bucket after bucket. */
  load(): Promise<T[]>;
  /** Reads and changes buckets under the list's lock; what `write` set is stored in one write. */
  edit<R>(change: (buckets: Buckets<T>) => Promise<R> | R): Promise<R>;
  /** Calls `listener` with every item whenever any bucket changes, in any page; returns the unsubscribe. */
  watch(listener: (items: T[]) => void): () => void;
}

export const isBucketedDefinition = (
  definition: KeyDefinition<unknown> | BucketedDefinition<unknown>,
): definition is BucketedDefinition<unknown> => 'indexKey' in definition;

function group<T>(items: T[], bucketOf: (item: T) => string): Map<string, T[]> {
  const buckets = new Map<string, T[]>();
  for (const item of items) buckets.set(bucketOf(item), [...(buckets.get(bucketOf(item)) ?? []), item]);
  return buckets;
}

/** The list as stored values, key by key: for tools and tests that seed a storage. */
export function bucketedItems<T>(definition: BucketedDefinition<T>, items: T[]): Record<string, unknown> {
  const buckets = group(items, definition.bucketOf);
  return {
    [definition.indexKey]: [...buckets.keys()].sort(),
    ...Object.fromEntries([...buckets].map(([name, bucket]) => [definition.bucketKey(name), bucket])),
  };
}

const indexOf = <T>({ isBucket }: BucketedDefinition<T>, raw: unknown): string[] =>
  Array.isArray(raw) ? [...new Set(raw.filter(isBucket))].sort() : [];

/** One edit, under the list's lock: the buckets it reads, then one write of what it changed. */
async function editBuckets<T, R>(
  backend: StorageBackend,
  definition: BucketedDefinition<T>,
  change: (buckets: Buckets<T>) => Promise<R> | R,
): Promise<R> {
  const { key, indexKey, bucketKey, bucketOf, parse } = definition;
  const [indexRaw, old] = await Promise.all([backend.load(indexKey), backend.load(key)]);
  const index = indexOf(definition, indexRaw);
  // The whole list under its old key: moved into buckets by this write. Beside an index it is
  // what a move left behind when its removal failed (the move emptied it): nothing to move.
  const moving = old !== undefined;
  const writes = indexRaw === undefined && moving ? group(parse(old), bucketOf) : new Map<string, T[]>();
  const names = new Set([...index, ...writes.keys()]);
  const read = new Map<string, Promise<T[]>>();
  const result = await change({
    names: () => [...names].sort(),
    read: async (name) => {
      if (writes.has(name)) return writes.get(name)!;
      if (!names.has(name)) return [];
      if (!read.has(name)) read.set(name, backend.load(bucketKey(name)).then(parse));
      return read.get(name)!;
    },
    write: (name, items) => {
      writes.set(name, items);
      names.add(name);
    },
  });
  if (writes.size === 0 && !moving) return result;

  const emptied = [...writes].flatMap(([name, items]) => (items.length ? [] : [name]));
  const kept = [...names].filter((name) => !emptied.includes(name)).sort();
  // The old key first, emptied in this same write, so the move happens once; a storage that
  // writes key by key (localStorage) frees its room before the months take it.
  const values: Record<string, unknown> = moving ? { [key]: [] } : {};
  for (const [name, items] of writes) values[bucketKey(name)] = items;
  if (moving || indexRaw === undefined || kept.join() !== index.join()) values[indexKey] = kept;
  await backend.saveAll(values);
  // Out of the index and empty already: removing them only frees their keys, so a removal that
  // fails does not make the edit, which is stored, report a failure.
  const free = (name: string) => backend.remove(name).catch(() => undefined);
  for (const name of emptied) await free(bucketKey(name));
  if (moving) await free(key);
  return result;
}

/** Follows the index and every bucket it lists; each change hands on the whole list, read again. */
function watchBuckets<T>(
  backend: StorageBackend,
  definition: BucketedDefinition<T>,
  load: () => Promise<T[]>,
  listener: (items: T[]) => void,
): () => void {
  let bucketStops: (() => void)[] = [];
  let latest = 0;
  let open = true;
  // Several buckets written at once report one by one: only the last reading is handed on.
  const reload = () => {
    const mine = ++latest;
    load().then(
      (items) => open && mine === latest && listener(items),
      () => undefined,
    );
  };
  const followBuckets = (names: string[]) => {
    bucketStops.forEach((stop) => stop());
    bucketStops = names.map((name) => backend.watch(definition.bucketKey(name), reload));
  };
  let indexChanged = false;
  const stopIndex = backend.watch(definition.indexKey, (raw) => {
    indexChanged = true;
    followBuckets(indexOf(definition, raw));
    reload();
  });
  // The first read of the index, unless a change came first: its months are newer.
  backend.load(definition.indexKey).then(
    (raw) => open && !indexChanged && followBuckets(indexOf(definition, raw)),
    () => undefined,
  );
  return () => {
    open = false;
    stopIndex();
    bucketStops.forEach((stop) => stop());
  };
}

export function bucketedList<T>(backend: StorageBackend, definition: BucketedDefinition<T>): BucketedList<T> {
  const { key, indexKey, bucketKey, parse } = definition;
  const edit = <R>(change: (buckets: Buckets<T>) => Promise<R> | R) =>
    backend.exclusive(lockName(key), () => editBuckets(backend, definition, change));

  async function load(): Promise<T[]> {
    const [indexRaw, old] = await Promise.all([backend.load(indexKey), backend.load(key)]);
    if (indexRaw === undefined && old !== undefined) {
      // The first read after an update moves the old single value into buckets; if it cannot be
      // written (a full storage), the old value is still the list.
      const moved = await edit(() => true).catch(() => false);
      return moved ? load() : parse(old);
    }
    const buckets = await Promise.all(
      indexOf(definition, indexRaw).map(async (name) => parse(await backend.load(bucketKey(name)))),
    );
    return buckets.flat();
  }

  return {
    key,
    initial: definition.initial,
    load,
    edit,
    watch: (listener) => watchBuckets(backend, definition, load, listener),
  };
}
