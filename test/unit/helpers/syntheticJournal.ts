/**
 * Synthetic mood journals for the mood-patterns tests: entries written from a day and an hour in
 * UTC, or from a local wall-clock time with its UTC offset, and whole runs of days from a list of
 * each day's moods.
 */
import type { JournalEntry } from '../../../src/journal/journal';
import type { Mood } from '../../../src/model/moods';

let ids = 0;

/** One entry; `time` is ISO 8601 in UTC. A camera reading by default, music on Spotify. */
export const entry = (time: string, mood: Mood, extra: Partial<JournalEntry> = {}): JournalEntry => ({
  id: `entry-${++ids}`,
  time: new Date(time).toISOString(),
  mood,
  source: 'camera',
  probabilities: null,
  media: 'music',
  provider: 'spotify',
  query: 'chill acoustic',
  ...extra,
});

/** `day` (YYYY-MM-DD) plus `n` calendar days. */
export const dayPlus = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The instant of a wall-clock time (`HH:MM`) on `day` where clocks read `offset` (e.g. '+09:00'). */
export const localTime = (day: string, time: string, offset: string): string =>
  new Date(`${day}T${time}:00${offset}`).toISOString();

/**
 * Entries for days in a row from `first`: each day's moods in order, at 09:00, 13:00, 18:00, 21:00
 * and 22:00 UTC (null or [] for a day without entries).
 */
export function days(
  first: string,
  perDay: readonly (readonly Mood[] | null)[],
  extra: Partial<JournalEntry> = {},
): JournalEntry[] {
  const HOURS = ['09', '13', '18', '21', '22'];
  return perDay.flatMap((moods, i) =>
    (moods ?? []).map((mood, j) => entry(`${dayPlus(first, i)}T${HOURS[j]}:00:00Z`, mood, extra)),
  );
}

/** `n` copies of a day's moods. */
export const repeat = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);
