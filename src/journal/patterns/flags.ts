/**
 * The two flags a report can raise, each from its rule in thresholds.ts and only with enough
 * data, and the memory of which flags the user has seen, so that the popup can say once that one
 * is new.
 */
import { isRecord, ownValue } from '../../common/records';
import { addDays, daysBetween, type DayKey } from './days';
import { count, PATTERN_KEYS, percent, type PatternMessage } from './messages';
import {
  LARGE_CHANGE,
  LOW_MIN_DAYS,
  LOW_STRETCH_DAYS,
  SWING_MIN_DAYS_WITH_PAIRS,
  SWING_MIN_MIXED_DAYS,
  SWING_MIN_MIXED_SHARE,
  SWING_MIN_MSSD,
  SWING_MIN_SPAN_DAYS,
} from './thresholds';
import {
  FLAG_CODES,
  type DayRun,
  type DaySummary,
  type Flag,
  type FlagCode,
  type FlagOf,
  type SwingMeasures,
} from './types';

const flag = <C extends FlagCode>(
  code: C,
  episode: { start: DayKey; end: DayKey },
  evidence: FlagOf<C>['evidence'],
  message: PatternMessage,
  details: PatternMessage[],
): FlagOf<C> => ({ code, evidence, episode, fingerprint: `${code}@${episode.start}`, message, details });

const countWhere = (days: readonly DaySummary[], test: (day: DaySummary) => boolean): number =>
  days.reduce((sum, day) => sum + (test(day) ? 1 : 0), 0);

/**
 * persistent-low-mood: in some LOW_STRETCH_DAYS days in a row of the period, sad or angry was the
 * main mood on LOW_MIN_DAYS of them or more. The episode joins the qualifying stretches that
 * overlap the latest one, trimmed to their first and last low day; the evidence is from its
 * stretch with the most low days.
 */
export function persistentLowFlag(
  days: readonly DaySummary[],
  longestLowRun: DayRun | null,
): FlagOf<'persistent-low-mood'> | undefined {
  const lowIn = (end: number) => countWhere(days.slice(end - LOW_STRETCH_DAYS + 1, end + 1), (d) => d.low);
  const qualifying: number[] = [];
  for (let end = LOW_STRETCH_DAYS - 1; end < days.length; end++) {
    if (lowIn(end) >= LOW_MIN_DAYS) qualifying.push(end);
  }
  if (!qualifying.length) return undefined;
  // The chain of stretches that overlap, ending with the latest.
  let first = qualifying.length - 1;
  while (first > 0 && qualifying[first]! - qualifying[first - 1]! < LOW_STRETCH_DAYS) first -= 1;
  const chain = qualifying.slice(first);
  const best = chain.reduce((a, b) => (lowIn(b) >= lowIn(a) ? b : a));
  const covered = days.slice(chain[0]! - LOW_STRETCH_DAYS + 1, chain[chain.length - 1]! + 1);
  const lowDays = covered.filter((day) => day.low);
  const episode = { start: lowDays[0]!.day, end: lowDays[lowDays.length - 1]!.day };
  const stretch = days.slice(best - LOW_STRETCH_DAYS + 1, best + 1);
  const evidence = {
    lowDays: lowIn(best),
    stretchDays: LOW_STRETCH_DAYS,
    daysWithEntries: countWhere(stretch, (d) => d.entries > 0),
    lowDaysInPeriod: countWhere(days, (d) => d.low),
    daysWithEntriesInPeriod: countWhere(days, (d) => d.entries > 0),
    longestLowRun: longestLowRun?.days ?? 0,
  };
  const message: PatternMessage = {
    key: PATTERN_KEYS.persistentLowMood,
    args: [
      count(evidence.lowDays),
      count(evidence.stretchDays),
      { kind: 'day', value: stretch[0]!.day },
      { kind: 'day', value: stretch[stretch.length - 1]!.day },
    ],
  };
  const details: PatternMessage[] = [
    {
      key: PATTERN_KEYS.detailLowDays,
      args: [count(evidence.lowDaysInPeriod), count(evidence.daysWithEntriesInPeriod)],
    },
  ];
  if (longestLowRun) {
    details.push({
      key: PATTERN_KEYS.lowRun,
      args: [
        count(longestLowRun.days),
        { kind: 'day', value: longestLowRun.start },
        { kind: 'day', value: longestLowRun.end },
      ],
    });
  }
  return flag('persistent-low-mood', episode, evidence, message, details);
}

/**
 * mood-swings: over SWING_MIN_SPAN_DAYS or more, at least SWING_MIN_DAYS_WITH_PAIRS days with two
 * entries or more, an MSSD within days of SWING_MIN_MSSD or more, and both a low and a happy mood
 * on SWING_MIN_MIXED_DAYS days or more, a SWING_MIN_MIXED_SHARE of the days with two entries or
 * more at least. The episode runs from the first to the last such mixed day.
 */
export function moodSwingsFlag(
  days: readonly DaySummary[],
  swings: SwingMeasures,
): FlagOf<'mood-swings'> | undefined {
  const { mssd, pairs, largeChanges, daysWithPairs, mixedDays, spanDays } = swings;
  if (
    mssd === null ||
    spanDays < SWING_MIN_SPAN_DAYS ||
    daysWithPairs < SWING_MIN_DAYS_WITH_PAIRS ||
    mssd < SWING_MIN_MSSD ||
    mixedDays < SWING_MIN_MIXED_DAYS ||
    mixedDays < SWING_MIN_MIXED_SHARE * daysWithPairs
  )
    return undefined;
  const mixed = days.filter((day) => day.mixed);
  const episode = { start: mixed[0]!.day, end: mixed[mixed.length - 1]!.day };
  const evidence = {
    mssd: Math.round(mssd * 100) / 100,
    pairs,
    largeChanges,
    mixedDays,
    daysWithPairs,
    spanDays,
  };
  const message: PatternMessage = {
    key: PATTERN_KEYS.moodSwings,
    args: [count(mixedDays), count(daysWithPairs)],
  };
  const details: PatternMessage[] = [
    {
      key: PATTERN_KEYS.detailSwingScore,
      args: [
        { kind: 'decimal', value: evidence.mssd },
        count(pairs),
        { kind: 'decimal', value: SWING_MIN_MSSD },
      ],
    },
    {
      key: PATTERN_KEYS.detailLargeChanges,
      args: [count(largeChanges), count(pairs), percent(pairs ? largeChanges / pairs : 0)],
    },
  ];
  return flag('mood-swings', episode, evidence, message, details);
}

/** Large changes: pairs of entries in a row whose valences differ by LARGE_CHANGE or more. */
export const isLargeChange = (difference: number): boolean => Math.abs(difference) >= LARGE_CHANGE;

/**
 * The flags the user has seen, per code: the days of the episode last shown. Kept by the pages
 * in storage (the registry's `patternsSeen`); small and free of entries.
 */
export type SeenFlags = Partial<Record<FlagCode, { start: DayKey; end: DayKey }>>;

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day: addDays(day, 0) rolls 30 February over into March. */
const isDay = (value: unknown): value is DayKey =>
  typeof value === 'string' && DAY_KEY.test(value) && addDays(value, 0) === value;

/**
 * Reads what storage held as SeenFlags: a known code with a real episode (start not after end)
 * is kept, anything else dropped, so a damaged value at worst shows a note once more.
 */
export function parseSeenFlags(raw: unknown): SeenFlags {
  const seen: SeenFlags = {};
  if (!isRecord(raw)) return seen;
  for (const code of FLAG_CODES) {
    const episode = ownValue(raw, code);
    if (!isRecord(episode) || !isDay(episode.start) || !isDay(episode.end)) continue;
    if (daysBetween(episode.start, episode.end) < 0) continue;
    seen[code] = { start: episode.start, end: episode.end };
  }
  return seen;
}

/**
 * Whether a flag is news to the user: none of its code was seen, or the one seen had ended more
 * than a day before this one begins. A flag that goes on day after day stays seen, even once its
 * start has moved out of the period (a 30-day report clips a longer stretch), and whichever
 * period (7, 30, 90 days) it was seen in.
 */
export function isNewFlag(flag: Flag, seen: SeenFlags): boolean {
  const last = seen[flag.code];
  return !last || flag.episode.start > addDays(last.end, 1);
}

/** The flags of a report that are news (isNewFlag). */
export const newFlags = (flags: readonly Flag[], seen: SeenFlags): Flag[] =>
  flags.filter((flag) => isNewFlag(flag, seen));

/** `seen` after the user saw these flags: each code's episode as last shown (earlier start kept while it goes on). */
export function markSeen(seen: SeenFlags, flags: readonly Flag[]): SeenFlags {
  const next: SeenFlags = { ...seen };
  for (const flag of flags) {
    const last = seen[flag.code];
    const continues = last && !isNewFlag(flag, seen);
    next[flag.code] = {
      start: continues && last.start < flag.episode.start ? last.start : flag.episode.start,
      end: flag.episode.end,
    };
  }
  return next;
}
