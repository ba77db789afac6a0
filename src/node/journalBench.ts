/**
 * What recording one journal entry costs in a long journal: stored as one value, as before monthly
 * buckets (read whole, every entry checked, sorted, written whole), against the monthly buckets of
 * the journal store. Both on a storage in memory that copies values through JSON, as storage.local
 * serialises them, so a bigger write costs what it would there. For `npm run bench`.
 */
import { byTime, isExpired, readEntries, type JournalDraft, type JournalEntry } from '../journal/journal';
import { createJournalStore } from '../journal/journalStore';
import type { StorageBackend } from '../storage/backend';
import { bucketedItems } from '../storage/bucketedList';
import { JOURNAL_KEY, JOURNAL_PREFS_KEY, openStoredState, STORED } from '../storage/registry';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-06-30T12:00:00.000Z');
const DRAFT: JournalDraft = {
  mood: 'calm',
  source: 'camera',
  probabilities: { calm: 0.6, angry: 0.1, sad: 0.1, happy: 0.1, surprised: 0.1 },
  media: 'music',
  provider: 'spotify',
  query: 'calm piano',
};

/** `count` entries, evenly over the three years before NOW. */
function longJournal(count: number): JournalEntry[] {
  const step = (3 * 365 * DAY_MS) / count;
  return Array.from({ length: count }, (_, i) => ({
    ...DRAFT,
    id: `entry-${i}`,
    time: new Date(NOW.getTime() - (count - i) * step).toISOString(),
  }));
}

function jsonStorage(items: Record<string, unknown>): StorageBackend {
  const data = new Map(Object.entries(items).map(([key, value]) => [key, JSON.stringify(value)]));
  const saveAll = async (values: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(values)) data.set(key, JSON.stringify(value));
  };
  return {
    load: async (key) => (data.has(key) ? JSON.parse(data.get(key)!) : undefined),
    save: (key, value) => saveAll({ [key]: value }),
    saveAll,
    remove: async (key) => void data.delete(key),
    watch: () => () => undefined,
    exclusive: (_name, task) => task(),
  };
}

async function medianMs(runs: number, record: (run: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = -2; run < runs; run++) {
    const started = performance.now();
    await record(run);
    if (run >= 0) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** Median ms to record one entry into a journal of `count` entries, kept forever: one value, then months. */
export async function timeJournalRecord(count: number, runs: number) {
  const journal = longJournal(count);
  const prefs = { [JOURNAL_PREFS_KEY]: { enabled: true, asked: true, retention: 'forever' } };

  const single = jsonStorage({ ...prefs, [JOURNAL_KEY]: journal });
  const oneValue = await medianMs(runs, async (run) => {
    // What every write did before: the whole value read and checked, the entry put in, written whole.
    const entries = readEntries(await single.load(JOURNAL_KEY));
    const entry = { ...DRAFT, id: `new-${run}`, time: NOW.toISOString() };
    const next = [...entries.filter(({ id }) => id !== entry.id), entry];
    await single.save(JOURNAL_KEY, next.filter((e) => !isExpired(e, 'forever', NOW)).sort(byTime));
  });

  const store = createJournalStore(
    openStoredState(jsonStorage({ ...prefs, ...bucketedItems(STORED.journal, journal) })),
    {
      now: () => NOW,
    },
  );
  const months = await medianMs(runs, (run) => store.recordEntry({ ...DRAFT, id: `new-${run}` }));
  return { entries: count, oneValue: Number(oneValue.toFixed(1)), months: Number(months.toFixed(1)) };
}
