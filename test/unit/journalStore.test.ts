import { readEntries, type JournalEntry, type JournalPrefs } from '../../src/journal/journal';
import { JOURNAL_PREFS_KEY, openStoredState, PATTERNS_SEEN_KEY } from '../../src/storage/registry';
import { createJournalStore } from '../../src/journal/journalStore';
import { journalIn, journalItems } from './helpers/journalStorage';
import { type MemoryStorage } from './helpers/memoryStorage';
import { STORAGES } from './helpers/webMemoryStorage';

/** The backend under test: each describe below runs on every one the registry runs on. */
let memoryStorage: (options?: { quotaBytes?: number }) => MemoryStorage;

const NOW = new Date('2025-06-30T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

const entry = (id: string, time: string, extra: Partial<JournalEntry> = {}): JournalEntry => ({
  id,
  time,
  mood: 'happy',
  source: 'camera',
  probabilities: { calm: 0.1, angry: 0, sad: 0.05, happy: 0.8, surprised: 0.05 },
  media: 'music',
  provider: 'spotify',
  query: 'happy hits',
  ...extra,
});
const draft = {
  mood: 'sad',
  source: 'manual',
  probabilities: null,
  media: 'movies',
  provider: 'netflix',
  query: 'drama',
} as const;

function setup(
  stored: JournalEntry[] = [],
  prefs: Partial<JournalPrefs> = {},
  area: MemoryStorage = memoryStorage(),
) {
  for (const [key, value] of Object.entries(journalItems(stored))) area.data.set(key, value);
  area.data.set(JOURNAL_PREFS_KEY, { enabled: true, asked: true, retention: 365, ...prefs });
  let ids = 0;
  const store = createJournalStore(openStoredState(area), { now: () => NOW, newId: () => `new-${++ids}` });
  return { area, store, stored: () => journalIn((key) => area.data.get(key)) };
}

describe.each(STORAGES)('journal store on %s', (_name, backend) => {
  beforeEach(() => {
    memoryStorage = backend;
  });

  it('records an entry with an id and the time, oldest first', async () => {
    const { store, stored } = setup([entry('a', daysAgo(1))]);
    const recorded = await store.recordEntry(draft);
    expect(recorded).toEqual({ id: 'new-1', time: NOW.toISOString(), ...draft });
    expect(stored().map((e) => e.id)).toEqual(['a', 'new-1']);
    await expect(store.listEntries()).resolves.toEqual(stored());
  });

  it('prunes what the retention no longer allows at every write, and keeps everything forever', async () => {
    const old = [
      entry('400d', daysAgo(400)),
      entry('100d', daysAgo(100)),
      entry('40d', daysAgo(40)),
      entry('10d', daysAgo(10)),
    ];
    const month = setup(old, { retention: 30 });
    await month.store.recordEntry(draft);
    expect(month.stored().map((e) => e.id)).toEqual(['10d', 'new-1']);

    const quarter = setup(old, { retention: 90 });
    await quarter.store.recordEntry(draft);
    expect(quarter.stored().map((e) => e.id)).toEqual(['40d', '10d', 'new-1']);

    const forever = setup(old, { retention: 'forever' });
    await forever.store.recordEntry(draft);
    expect(forever.stored()).toHaveLength(5);
  });

  it('applies a shortened retention at once and says how many entries went', async () => {
    const { area, store, stored } = setup([
      entry('100d', daysAgo(100)),
      entry('40d', daysAgo(40)),
      entry('1d', daysAgo(1)),
    ]);
    await expect(store.applyRetention()).resolves.toBe(0);
    area.data.set(JOURNAL_PREFS_KEY, { enabled: true, asked: true, retention: 30 });
    await expect(store.applyRetention()).resolves.toBe(2);
    expect(stored().map((e) => e.id)).toEqual(['1d']);
  });

  it('when the storage is full, says so and loses nothing that was stored', async () => {
    const before = Array.from({ length: 20 }, (_, i) => entry(`e${i}`, daysAgo(20 - i)));
    const area = memoryStorage({
      quotaBytes: JSON.stringify(Object.entries(journalItems(before))).length + 200,
    });
    const { store, stored } = setup(before, {}, area);
    await expect(store.recordEntry(draft)).rejects.toMatchObject({
      name: 'MoodtabError',
      code: 'journal-full',
    });
    expect(stored()).toEqual(before);
    await expect(store.listEntries()).resolves.toEqual(before);
    // Once room is made (a shorter retention), writing works again.
    area.data.set(JOURNAL_PREFS_KEY, { enabled: true, asked: true, retention: 30 });
    await expect(store.applyRetention()).resolves.toBe(0);
    await expect(store.recordEntry(draft)).rejects.toMatchObject({ code: 'journal-full' });
    await store.deleteAll();
    await expect(store.recordEntry(draft)).resolves.toMatchObject({ mood: 'sad' });
  });

  it('passes other storage failures on as they are', async () => {
    const { area, store } = setup();
    area.saveAll = async () => {
      throw new Error('storage is gone');
    };
    await expect(store.recordEntry(draft)).rejects.toThrow('storage is gone');
  });

  it('updates an entry (a correction, feedback) and removes feedback on request', async () => {
    const { store, stored } = setup([entry('a', daysAgo(1)), entry('b', daysAgo(0))]);
    await expect(store.updateEntry('a', { feedback: 'good-pick' })).resolves.toMatchObject({
      id: 'a',
      feedback: 'good-pick',
    });
    expect(stored()[0]!.feedback).toBe('good-pick');
    const corrected = await store.updateEntry('a', {
      mood: 'calm',
      source: 'corrected',
      feedback: undefined,
    });
    expect(corrected).toEqual({ ...entry('a', daysAgo(1)), mood: 'calm', source: 'corrected' });
    expect('feedback' in stored()[0]!).toBe(false);
    expect(stored()[1]).toEqual(entry('b', daysAgo(0)));
    await expect(store.updateEntry('gone', { feedback: 'not-for-me' })).resolves.toBeUndefined();
  });

  it('refuses an entry or a change that is not valid, and changes nothing', async () => {
    const { store, stored } = setup([entry('a', daysAgo(1))]);
    await expect(store.recordEntry({ ...draft, query: '' })).rejects.toMatchObject({ code: 'internal' });
    await expect(store.updateEntry('a', { mood: 'grumpy' as never })).rejects.toMatchObject({
      code: 'internal',
    });
    expect(stored()).toEqual([entry('a', daysAgo(1))]);
  });

  it('imports entries it does not have, in time order, and counts the ones it skipped', async () => {
    const { store, stored } = setup([entry('a', daysAgo(5))], { retention: 90 });
    const summary = await store.importEntries([
      entry('a', daysAgo(5)),
      entry('b', daysAgo(8)),
      entry('c', daysAgo(2)),
      entry('old', daysAgo(200)),
    ]);
    expect(summary).toEqual({ added: 2, alreadyThere: 1, tooOld: 1 });
    expect(stored().map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });

  it('deletes everything, and which mood-patterns flags were seen (their days came from it)', async () => {
    const { area, store, stored } = setup([entry('a', daysAgo(5)), entry('b', daysAgo(1))]);
    area.data.set(PATTERNS_SEEN_KEY, { 'persistent-low-mood': { start: '2025-06-01', end: '2025-06-20' } });
    await store.deleteAll();
    expect(stored()).toEqual([]);
    expect(area.data.has(PATTERNS_SEEN_KEY)).toBe(false);
  });

  it('keeps every entry when several contexts write at once (one lock for all writers)', async () => {
    const area = memoryStorage();
    const { store: background } = setup([], {}, area);
    let ids = 0;
    const options = createJournalStore(openStoredState(area), {
      now: () => NOW,
      newId: () => `options-${++ids}`,
    });
    await Promise.all([
      ...Array.from({ length: 5 }, () => background.recordEntry(draft)),
      ...Array.from({ length: 5 }, () => options.recordEntry({ ...draft, mood: 'calm' })),
    ]);
    expect(journalIn((key) => area.data.get(key))).toHaveLength(10);
  });

  it('reads only valid entries from what storage holds', () => {
    expect(readEntries(undefined)).toEqual([]);
    expect(readEntries({ not: 'a list' })).toEqual([]);
    const good = entry('a', daysAgo(1));
    expect(readEntries([good, { ...good, id: 'b', mood: 'grumpy' }, 'junk', null])).toEqual([good]);
  });
});
