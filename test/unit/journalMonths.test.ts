/**
 * The journal in monthly buckets: what each change writes (seen through the storage's saveAll),
 * the move from the old single value, pruning across months, an import that does not fit, and a
 * property: whatever is imported, the journal reads back as the entries kept, each in its month.
 */
import fc from 'fast-check';
import { journalMonthOf, type JournalEntry, type Retention } from '../../src/journal/journal';
import { createJournalStore } from '../../src/journal/journalStore';
import {
  JOURNAL_KEY,
  JOURNAL_MONTHS_KEY,
  JOURNAL_PREFS_KEY,
  openStoredState,
  STORED,
} from '../../src/storage/registry';
import { journalIn, journalItems } from './helpers/journalStorage';
import type { MemoryStorage } from './helpers/memoryStorage';
import { STORAGES } from './helpers/webMemoryStorage';

const NOW = new Date('2025-06-30T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const month = (name: string) => STORED.journal.bucketKey(name);

const entry = (id: string, time: string): JournalEntry => ({
  id,
  time,
  mood: 'calm',
  source: 'camera',
  probabilities: { calm: 0.6, angry: 0.1, sad: 0.1, happy: 0.1, surprised: 0.1 },
  media: 'music',
  provider: 'spotify',
  query: 'calm piano',
});
const draft = {
  mood: 'sad',
  source: 'manual',
  probabilities: null,
  media: 'music',
  provider: 'spotify',
  query: 'sad songs',
} as const;

/** Each saveAll the journal made: the keys it wrote, with the JSON size of each value. */
type Write = Record<string, number>;

function setup(
  makeStorage: (options?: { quotaBytes?: number }) => MemoryStorage,
  seed: Record<string, unknown>,
  { retention = 365 as Retention, quotaBytes = Infinity } = {},
) {
  const area = makeStorage({ quotaBytes });
  for (const [key, value] of Object.entries(seed)) area.data.set(key, value);
  area.data.set(JOURNAL_PREFS_KEY, { enabled: true, asked: true, retention });
  const writes: Write[] = [];
  const saveAll = area.saveAll;
  area.saveAll = (values) => {
    writes.push(
      Object.fromEntries(Object.entries(values).map(([key, value]) => [key, JSON.stringify(value).length])),
    );
    return saveAll(values);
  };
  let ids = 0;
  const store = createJournalStore(openStoredState(area), { now: () => NOW, newId: () => `new-${++ids}` });
  const stored = () => journalIn((key) => area.data.get(key));
  return { area, store, writes, stored };
}

/** A journal of `perMonth` entries in each of the last `months` months, oldest first. */
const journalOf = (months: number, perMonth: number) =>
  Array.from({ length: months * perMonth }, (_, i) =>
    entry(`e${i}`, daysAgo((months * perMonth - i) * (30 / perMonth))),
  );

describe.each(STORAGES)('the journal in monthly buckets, on %s', (_name, makeStorage) => {
  it('a capture writes its own month only, however long the journal', async () => {
    const year = journalOf(12, 100);
    const { store, writes, stored } = setup(makeStorage, journalItems(year));
    await store.recordEntry(draft);
    expect(writes).toHaveLength(1);
    const june = year.filter((e) => journalMonthOf(e) === '2025-06');
    expect(Object.keys(writes[0]!)).toEqual([month('2025-06')]);
    expect(writes[0]![month('2025-06')]).toBe(
      JSON.stringify([...june, { ...draft, id: 'new-1', time: NOW.toISOString() }]).length,
    );
    // A twelfth of the journal or so, not all of it.
    expect(writes[0]![month('2025-06')]!).toBeLessThan(JSON.stringify(year).length / 8);
    expect(stored()).toHaveLength(year.length + 1);
  });

  it('feedback writes the month of its entry only; the first entry of a month adds it to the index', async () => {
    const { store, writes } = setup(makeStorage, journalItems([entry('may', '2025-05-10T08:00:00.000Z')]));
    await store.updateEntry('may', { feedback: 'good-pick' });
    await store.recordEntry(draft);
    expect(writes.map(Object.keys)).toEqual([[month('2025-05')], [month('2025-06'), JOURNAL_MONTHS_KEY]]);
  });

  it('a second record of one capture across a month end replaces the first', async () => {
    const { store, stored } = setup(
      makeStorage,
      journalItems([entry('capture-1', '2025-05-31T23:59:00.000Z')]),
    );
    await store.recordEntry({ ...draft, id: 'capture-1' });
    expect(stored().map(({ id, time }) => [id, time])).toEqual([['capture-1', NOW.toISOString()]]);
  });

  it('moves the old single value into months on the first read, emptying the old key in the same write', async () => {
    const old = journalOf(3, 4);
    // Room for the journal once, not twice: the move must not hold both at once.
    const quotaBytes =
      JSON.stringify([...Object.entries(journalItems(old)), [JOURNAL_PREFS_KEY, {}]]).length + 300;
    const { area, store, writes, stored } = setup(makeStorage, { [JOURNAL_KEY]: old }, { quotaBytes });
    await expect(store.listEntries()).resolves.toEqual(old);
    expect(writes).toHaveLength(1);
    expect(Object.keys(writes[0]!).sort()).toEqual(
      [JOURNAL_KEY, JOURNAL_MONTHS_KEY, month('2025-04'), month('2025-05'), month('2025-06')].sort(),
    );
    expect(writes[0]![JOURNAL_KEY]).toBe(2); // `[]`
    expect(area.data.has(JOURNAL_KEY)).toBe(false);
    expect(area.data.get(JOURNAL_MONTHS_KEY)).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(stored()).toEqual(old);
    await store.listEntries();
    expect(writes).toHaveLength(1); // moved once
  });

  it('moves the old single value on the first write too, with the write', async () => {
    const old = [entry('a', '2025-05-02T10:00:00.000Z')];
    const { area, store, writes, stored } = setup(makeStorage, { [JOURNAL_KEY]: old });
    await store.recordEntry(draft);
    expect(writes).toHaveLength(1);
    expect(area.data.has(JOURNAL_KEY)).toBe(false);
    expect(stored().map(({ id }) => id)).toEqual(['a', 'new-1']);
  });

  it('when the move does not fit, reads the old value as it is and keeps it', async () => {
    const old = journalOf(2, 3);
    // Room for the old value, not for the months' keys and their index beside it.
    const quotaBytes =
      JSON.stringify([
        [JOURNAL_KEY, old],
        [JOURNAL_PREFS_KEY, {}],
      ]).length + 70;
    const { area, store } = setup(makeStorage, { [JOURNAL_KEY]: old }, { quotaBytes });
    await expect(store.listEntries()).resolves.toEqual(old);
    expect(area.data.get(JOURNAL_KEY)).toEqual(old);
    expect(area.data.has(JOURNAL_MONTHS_KEY)).toBe(false);
  });

  it('prunes across months: whole old months go, the one the retention falls in is trimmed', async () => {
    const journal = [
      entry('march', '2025-03-15T00:00:00.000Z'),
      entry('april', '2025-04-20T00:00:00.000Z'),
      entry('may-early', '2025-05-20T00:00:00.000Z'),
      entry('may-late', '2025-05-31T18:00:00.000Z'),
      entry('june', '2025-06-10T00:00:00.000Z'),
    ];
    const { area, store, writes, stored } = setup(makeStorage, journalItems(journal), { retention: 30 });
    await expect(store.applyRetention()).resolves.toBe(3);
    expect(stored().map(({ id }) => id)).toEqual(['may-late', 'june']);
    expect(area.data.get(JOURNAL_MONTHS_KEY)).toEqual(['2025-05', '2025-06']);
    expect(area.data.has(month('2025-03'))).toBe(false);
    expect(area.data.has(month('2025-04'))).toBe(false);
    // June was not written: nothing in it was old enough.
    expect(Object.keys(writes[0]!).sort()).toEqual(
      [JOURNAL_MONTHS_KEY, month('2025-03'), month('2025-04'), month('2025-05')].sort(),
    );
    await store.applyRetention();
    expect(writes).toHaveLength(1); // nothing left to prune: nothing written
  });

  it('an import that does not fit leaves every month, the index and the old entries as they were', async () => {
    const before = journalOf(2, 5);
    const seed = journalItems(before);
    const quotaBytes = JSON.stringify([...Object.entries(seed), [JOURNAL_PREFS_KEY, {}]]).length + 600;
    const { area, store, writes } = setup(makeStorage, seed, { quotaBytes });
    const keys = [JOURNAL_MONTHS_KEY, month('2025-03'), month('2025-04'), month('2025-05'), month('2025-06')];
    await expect(store.listEntries()).resolves.toEqual(before); // a web seed lands asynchronously
    expect(area.data.get(JOURNAL_MONTHS_KEY)).toEqual(['2025-05', '2025-06']); // April comes with the file
    const snapshot = () => keys.map((key) => area.data.get(key));
    const was = snapshot();
    const incoming = Array.from({ length: 30 }, (_, i) => entry(`file-${i}`, daysAgo(3 * i + 1)));
    await expect(store.importEntries(incoming)).rejects.toMatchObject({ code: 'journal-full' });
    // One write for all the months the file touched, refused whole.
    expect(writes).toHaveLength(1);
    expect(Object.keys(writes[0]!).sort()).toEqual(keys.slice(2).concat(JOURNAL_MONTHS_KEY).sort());
    expect(snapshot()).toEqual(was);
    await expect(store.listEntries()).resolves.toEqual(before);
  });

  it('deletes every month and the index, and reads as empty', async () => {
    const { area, store } = setup(makeStorage, journalItems(journalOf(3, 2)));
    await store.deleteAll();
    expect(area.data.has(month('2025-05'))).toBe(false);
    expect(area.data.get(JOURNAL_MONTHS_KEY)).toEqual([]);
    await expect(store.listEntries()).resolves.toEqual([]);
  });

  it('reports a deletion done when only freeing an emptied month key fails afterwards', async () => {
    const { area, store } = setup(makeStorage, journalItems(journalOf(3, 2)));
    const remove = area.remove;
    area.remove = (key) =>
      key.startsWith(`${JOURNAL_KEY}:`)
        ? Promise.reject(new Error('the key could not be freed'))
        : remove(key);
    await expect(store.deleteAll()).resolves.not.toThrow();
    expect(area.data.get(JOURNAL_MONTHS_KEY)).toEqual([]);
    await expect(store.listEntries()).resolves.toEqual([]);
  });

  it('property: an import reads back as the entries kept, oldest first, each in its own month', async () => {
    const times = fc
      .integer({ min: NOW.getTime() - 800 * DAY, max: NOW.getTime() })
      .map((ms) => new Date(ms).toISOString());
    const retentions = fc.constantFrom<Retention>(30, 90, 365, 'forever');
    await fc.assert(
      fc.asyncProperty(
        fc.array(times, { maxLength: 40 }),
        fc.array(times, { maxLength: 40 }),
        retentions,
        async (had, file, retention) => {
          const existing = had.map((time, i) => entry(`had-${i}`, time));
          const incoming = file.map((time, i) => entry(`file-${i}`, time));
          const { area, store, stored } = setup(makeStorage, journalItems(existing), { retention });
          await store.importEntries([...incoming, ...existing.slice(0, 3)]);
          const cutoff = retention === 'forever' ? -Infinity : NOW.getTime() - retention * DAY;
          const kept = [...existing, ...incoming].filter((e) => Date.parse(e.time) >= cutoff);
          const byTimeThenId = (list: JournalEntry[]) => list.map(({ id, time }) => `${time} ${id}`).sort();
          const listed = await store.listEntries();
          expect(byTimeThenId(listed)).toEqual(byTimeThenId(kept));
          expect(listed.map(({ time }) => time)).toEqual(listed.map(({ time }) => time).sort());
          const months = area.data.get(JOURNAL_MONTHS_KEY) as string[];
          expect(months).toEqual([...new Set(kept.map(journalMonthOf))].sort());
          for (const name of months)
            expect(
              (area.data.get(month(name)) as JournalEntry[]).every((e) => journalMonthOf(e) === name),
            ).toBe(true);
          expect(stored()).toHaveLength(kept.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
