/**
 * The journal's changes month by month: each entry is stored in the bucket of its UTC month
 * (`journalMonthOf`), so a change reads and writes only the months it touches.
 */
import { byTime, isExpired, journalMonthOf, type JournalEntry, type Retention } from './journal';

/** The monthly buckets as one edit of the journal sees them (a bucketed list, src/storage). */
export interface Months {
  /** The months stored, oldest first ('2025-06'). */
  names(): string[];
  read(month: string): Promise<JournalEntry[]>;
  /** Replaces a month's entries, written with the rest of the edit; none removes the month. */
  write(month: string, entries: JournalEntry[]): void;
}

const monthStart = (month: string) => `${month}-01T00:00:00.000Z`;

function monthBefore(month: string): string {
  const start = new Date(monthStart(month));
  start.setUTCMonth(start.getUTCMonth() - 1);
  return journalMonthOf({ time: start.toISOString() });
}

/**
 * Adds `entry` to `month`, replacing an entry with its id there or in the month before: a choice
 * or a second record of one capture comes minutes after it, perhaps across a month's end; looking
 * further back would read the whole journal on every capture.
 */
export async function putEntry(months: Months, entry: JournalEntry, month: string): Promise<JournalEntry> {
  const before = monthBefore(month);
  if (months.names().includes(before)) {
    const earlier = await months.read(before);
    if (earlier.some(({ id }) => id === entry.id))
      months.write(
        before,
        earlier.filter(({ id }) => id !== entry.id),
      );
  }
  const current = await months.read(month);
  months.write(month, [...current.filter(({ id }) => id !== entry.id), entry].sort(byTime));
  return entry;
}

/** The entry with this id and its month, looked for from the newest month back (feedback is on recent entries). */
export async function findEntry(
  months: Months,
  id: string,
): Promise<{ entry: JournalEntry; month: string } | undefined> {
  for (const month of months.names().reverse()) {
    const entry = (await months.read(month)).find((candidate) => candidate.id === id);
    if (entry) return { entry, month };
  }
  return undefined;
}

/** Adds entries (new ids) to their months, all but those the retention no longer allows; returns how many. */
export async function addEntries(
  months: Months,
  entries: JournalEntry[],
  retention: Retention,
  now: Date,
): Promise<number> {
  const kept = entries.filter((entry) => !isExpired(entry, retention, now));
  const byMonth = new Map<string, JournalEntry[]>();
  for (const entry of kept)
    byMonth.set(journalMonthOf(entry), [...(byMonth.get(journalMonthOf(entry)) ?? []), entry]);
  for (const [month, added] of byMonth)
    months.write(month, [...(await months.read(month)), ...added].sort(byTime));
  return kept.length;
}

/**
 * Deletes what the retention no longer allows: months wholly before it go, the month it falls in
 * is trimmed; later months are not read. Returns how many entries went.
 */
export async function pruneMonths(months: Months, retention: Retention, now: Date): Promise<number> {
  let pruned = 0;
  for (const month of months.names()) {
    if (!isExpired({ time: monthStart(month) }, retention, now)) break; // it and all later ones are kept
    const entries = await months.read(month);
    const kept = entries.filter((entry) => !isExpired(entry, retention, now));
    if (kept.length === entries.length) continue;
    months.write(month, kept);
    pruned += entries.length - kept.length;
  }
  return pruned;
}

/**
 * The journal as read across its months, oldest first, each id once: should an entry be in two
 * months (a record that replaced it after more than a month), the later one is the entry.
 */
export function oneEntryPerId(entries: JournalEntry[]): JournalEntry[] {
  const seen = new Set<string>();
  const kept: JournalEntry[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    kept.push(entry);
  }
  return kept.reverse();
}
