/** Turns journal entries into what the charts draw: counts per local day and each mood's share. */
import type { JournalEntry } from '../../journal/journal';
import { MOODS, type Mood } from '../../model/moods';

export const PERIODS = ['week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_DAYS: Record<Period, number> = { week: 7, month: 30, year: 365 };

export type MoodCounts = Record<Mood, number>;

export interface DayTally {
  /** Local midnight of the day. */
  date: Date;
  /** YYYY-MM-DD in local time: the same key for every entry of that day, wherever it was stored. */
  key: string;
  counts: MoodCounts;
  total: number;
}

export interface MoodShare {
  mood: Mood;
  count: number;
  /** 0..1 of all entries in the period. */
  share: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const localDayKey = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

const noCounts = (): MoodCounts => Object.fromEntries(MOODS.map((mood) => [mood, 0])) as MoodCounts;

/** The period's days, oldest first, ending with `today`, each with its entries counted per mood. */
export function tallyByDay(entries: readonly JournalEntry[], period: Period, today: Date): DayTally[] {
  // Days built from the calendar date (not by subtracting 24 h), so a DST change skips or repeats no day.
  const days = Array.from({ length: PERIOD_DAYS[period] }, (_, i) => {
    const date = new Date(
      today.getFullYear(),
      today.getMonth(),
      today.getDate() - (PERIOD_DAYS[period] - 1 - i),
    );
    return { date, key: localDayKey(date), counts: noCounts(), total: 0 };
  });
  const byKey = new Map(days.map((day) => [day.key, day]));
  for (const entry of entries) {
    const day = byKey.get(localDayKey(new Date(entry.time)));
    if (!day) continue;
    day.counts[entry.mood] += 1;
    day.total += 1;
  }
  return days;
}

export function moodShares(days: readonly DayTally[]): MoodShare[] {
  const counts = noCounts();
  for (const day of days) for (const mood of MOODS) counts[mood] += day.counts[mood];
  const total = MOODS.reduce((sum, mood) => sum + counts[mood], 0);
  return MOODS.map((mood) => ({ mood, count: counts[mood], share: total ? counts[mood] / total : 0 }));
}

/** The mood seen most that day (the first in MOODS order on a tie); undefined for a day without entries. */
export function dominantMood(counts: MoodCounts): Mood | undefined {
  let best: Mood | undefined;
  for (const mood of MOODS) if (counts[mood] > 0 && (!best || counts[mood] > counts[best])) best = mood;
  return best;
}

/**
 * The count axis's ticks: 0 up to a round top at or above `most`, in whole steps of 1, 2 or 5
 * (times a power of ten), four steps at most, so the lines are few and each is labelled.
 */
export function countTicks(most: number): number[] {
  const rough = Math.max(1, most) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough)!,
  );
  const top = Math.ceil(Math.max(1, most) / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}
