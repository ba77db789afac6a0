/** The journal as a storage holds it (monthly buckets and their index), for seeding and inspecting. */
import type { JournalEntry } from '../../../src/journal/journal';
import { bucketedItems } from '../../../src/storage/bucketedList';
import { STORED } from '../../../src/storage/registry';

/** The stored values that hold `entries`: `journalMonths` and one `journal:<month>` per month. */
export const journalItems = (entries: JournalEntry[]): Record<string, unknown> =>
  bucketedItems(STORED.journal, entries);

/** Every entry stored, month after month, as the index lists them. */
export function journalIn(get: (key: string) => unknown): JournalEntry[] {
  const months = (get(STORED.journal.indexKey) ?? []) as string[];
  return months.flatMap((month) => (get(STORED.journal.bucketKey(month)) ?? []) as JournalEntry[]);
}

/** The journal's keys among `keys`, sorted. */
export const journalKeys = (keys: Iterable<string>): string[] =>
  [...keys]
    .filter((key) => key === STORED.journal.indexKey || key.startsWith(`${STORED.journal.key}:`))
    .sort();
