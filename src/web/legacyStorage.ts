/**
 * Where the web app kept its values before IndexedDB: one JSON item per registry key in the site's
 * localStorage, named `moodtab:<key>`. The storage moves them into IndexedDB once, as it creates
 * its database, and then deletes them here.
 */
export const LEGACY_PREFIX = 'moodtab:';

/** The part of localStorage the move uses. */
export type LegacyArea = Pick<Storage, 'length' | 'key' | 'getItem' | 'removeItem'>;

const legacyNames = (area: LegacyArea): string[] =>
  Array.from({ length: area.length }, (_, index) => area.key(index)).filter(
    (name): name is string => name?.startsWith(LEGACY_PREFIX) ?? false,
  );

/** Every old value by registry key; an item that is not JSON (cut short, hand-edited) read as nothing before, and is dropped. */
export function legacyItems(area: LegacyArea | undefined): Array<[string, unknown]> {
  if (!area) return [];
  return legacyNames(area).flatMap((name): Array<[string, unknown]> => {
    try {
      return [[name.slice(LEGACY_PREFIX.length), JSON.parse(area.getItem(name) ?? '') as unknown]];
    } catch {
      return [];
    }
  });
}

/** Deletes the old items, once IndexedDB holds them. */
export function clearLegacyItems(area: LegacyArea | undefined): void {
  if (area) legacyNames(area).forEach((name) => area.removeItem(name));
}
