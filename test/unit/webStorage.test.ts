/**
 * The web app's storage on IndexedDB beyond the shared store tests (journalStore and storageRace
 * run on it too): what it keeps across pages, its one-transaction writes, its change messages to
 * other tabs, and the one-time move from the localStorage an earlier version used.
 */
import { isQuotaError, MoodtabError } from '../../src/common/errors';
import { DEFAULT_SETTINGS } from '../../src/recommendation/settings';
import { BANDIT_KEY, openStoredState, SETTINGS_KEY } from '../../src/storage/registry';
import { webStorage, type WebStorageOptions } from '../../src/web/storage';
import { freshIndexedDb } from './helpers/webMemoryStorage';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MOVIES = { ...DEFAULT_SETTINGS, media: 'movies' as const };

/** One page of the app on `database`, with nothing from outside unless the test hands it in. */
const page = (database: ReturnType<typeof freshIndexedDb>, options: WebStorageOptions = {}) =>
  webStorage({
    indexedDB: database.indexedDB,
    databaseName: database.databaseName,
    locks: undefined,
    channel: undefined,
    legacy: undefined,
    ...options,
  });

/** localStorage in memory. */
function memoryArea(items: Record<string, string>) {
  const map = new Map(Object.entries(items));
  return {
    get length() {
      return map.size;
    },
    key: (index: number) => [...map.keys()][index] ?? null,
    getItem: (name: string) => map.get(name) ?? null,
    removeItem: (name: string) => void map.delete(name),
    names: () => [...map.keys()],
  };
}

describe('web storage on IndexedDB', () => {
  it('keeps what one page wrote for the next page that opens the database', async () => {
    const database = freshIndexedDb();
    await openStoredState(page(database)).settings.set(MOVIES);
    await expect(openStoredState(page(database)).settings.load()).resolves.toEqual(MOVIES);
    await openStoredState(page(database)).settings.remove();
    await expect(page(database).load(SETTINGS_KEY)).resolves.toBeUndefined();
  });

  it('reads a value it cannot parse (hand-edited in devtools) as the initial one', async () => {
    const backend = page(freshIndexedDb());
    await backend.save(SETTINGS_KEY, { media: 42 });
    await expect(openStoredState(backend).settings.load()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('writes several keys in one transaction: when one does not fit, none is written', async () => {
    const database = freshIndexedDb(400);
    const backend = page(database);
    await backend.save(SETTINGS_KEY, DEFAULT_SETTINGS);
    const tooMuch = { [SETTINGS_KEY]: MOVIES, [BANDIT_KEY]: { big: 'x'.repeat(400) } };
    const failure = backend.saveAll(tooMuch);
    await expect(failure).rejects.toThrow(MoodtabError);
    await expect(failure.catch((error: unknown) => isQuotaError(error))).resolves.toBe(true);
    // Read back on a second connection: what IndexedDB holds, not what the page remembers.
    const other = page(database);
    await expect(other.load(SETTINGS_KEY)).resolves.toEqual(DEFAULT_SETTINGS);
    await expect(other.load(BANDIT_KEY)).resolves.toBeUndefined();
    await backend.saveAll({ [SETTINGS_KEY]: MOVIES, [BANDIT_KEY]: {} });
    await expect(other.load(SETTINGS_KEY)).resolves.toEqual(MOVIES);
    await expect(other.load(BANDIT_KEY)).resolves.toEqual({});
  });

  it('passes a failure that is not about room on as it is', async () => {
    const backend = page(freshIndexedDb());
    const failure = backend.save(SETTINGS_KEY, { notClonable: () => undefined });
    await expect(failure).rejects.toMatchObject({ name: 'DataCloneError' });
    await expect(backend.load(SETTINGS_KEY)).resolves.toBeUndefined();
  });

  it('tells watchers of a change in this page and in another tab, until they unsubscribe', async () => {
    const database = freshIndexedDb();
    const channels = [new BroadcastChannel('moodtab-test'), new BroadcastChannel('moodtab-test')];
    const [thisTab, otherTab] = channels.map((channel) => openStoredState(page(database, { channel })));
    const seen: string[] = [];
    const stop = thisTab!.settings.watch((settings) => seen.push(settings.media));
    await thisTab!.settings.update((settings) => ({ ...settings, media: 'movies' }));
    await otherTab!.settings.update((settings) => ({ ...settings, media: 'pictures' }));
    await later(20); // a message between tabs arrives as a task of its own
    stop();
    await otherTab!.settings.remove();
    await later(20);
    channels.forEach((channel) => channel.close());
    expect(seen).toEqual(['movies', 'pictures']);
  });

  it('moves the values an earlier version kept in localStorage once, and deletes them there', async () => {
    const database = freshIndexedDb();
    const legacy = memoryArea({
      'moodtab:settings': JSON.stringify(MOVIES),
      'moodtab:bandit': '{"cut sh',
      'another-app': 'theirs',
    });
    await expect(openStoredState(page(database, { legacy })).settings.load()).resolves.toEqual(MOVIES);
    expect(legacy.names()).toEqual(['another-app']);
    // An item that reappears later (an old tab still open) is not moved over what is newer.
    const stale = memoryArea({ 'moodtab:settings': JSON.stringify(DEFAULT_SETTINGS) });
    await expect(page(database, { legacy: stale }).load(SETTINGS_KEY)).resolves.toEqual(MOVIES);
    await expect(page(database).load(BANDIT_KEY)).resolves.toBeUndefined();
  });

  it('without Web Locks, still runs the tasks under one name one at a time in this page', async () => {
    const backend = page(freshIndexedDb());
    const order: string[] = [];
    const task = (name: string, ms: number) => async () => {
      order.push(`${name} start`);
      await later(ms);
      order.push(`${name} end`);
      if (name === 'a') throw new Error('a failed');
    };
    const first = backend.exclusive('k', task('a', 20));
    const second = backend.exclusive('k', task('b', 0));
    await expect(first).rejects.toThrow('a failed');
    await second;
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
  });
});
