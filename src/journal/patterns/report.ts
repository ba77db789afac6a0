/**
 * The mood-patterns report: journal entries in, for one period of the user's own days, the
 * numbers (moods' shares and their change, runs of low days, swings within days, times of day,
 * weekdays, what lifted the user) and, only with enough data, what stands out in them. Pure: the
 * caller passes the time now and the user's time zone, and words come as message keys.
 */
import type { JournalEntry } from '../journal';
import { MOODS, type Mood } from '../../model/moods';
import { MEDIA_KINDS } from '../../recommendation/media';
import { addDays, daysBetween, localClock, weekdayOf, type DayKey, type LocalTime } from './days';
import { isLargeChange, moodSwingsFlag, persistentLowFlag } from './flags';
import {
  count,
  PATTERN_KEYS,
  percent,
  TIMES_OF_DAY,
  type PatternArg,
  type PatternMessage,
  type TimeOfDay,
} from './messages';
import {
  HELPLINE_URL,
  LIFTED_TOP,
  LOW_RUN_MENTION_DAYS,
  MIN_BUCKET_ENTRIES,
  MIN_DAYS_WITH_ENTRIES,
  MIN_LIFT_GOOD,
  MOOD_CHANGE_Z,
  TIME_OF_DAY_STARTS,
  TIME_OF_DAY_Z,
  WEEKDAY_Z,
} from './thresholds';
import type {
  BucketTally,
  DayRun,
  DaySummary,
  Finding,
  Flag,
  Lifted,
  LiftedMedia,
  LiftedSearch,
  MoodShare,
  PatternReport,
  SupportNote,
  SwingMeasures,
} from './types';
import { isHigh, isLow, mainMood, noCounts, VALENCE, type MoodCounts } from './valence';

/** The periods the pages offer, in days. */
export const REPORT_PERIODS = [7, 30, 90] as const;
/** The longest period buildReport accepts: a year, leap day included. */
export const MAX_REPORT_DAYS = 366;

export interface ReportOptions {
  /** The period's length in days, today included: 7, 30 or 90 on the pages; any whole number up to MAX_REPORT_DAYS. */
  days: number;
  /** The time now: the period ends with its day; entries after it are left out. */
  now: Date;
  /** The user's IANA time zone (e.g. Intl.DateTimeFormat().resolvedOptions().timeZone): days, hours and weekdays are read in it. */
  timeZone: string;
}

/**
 * An entry placed in the user's time. Its mood is `entry.mood`, the final one: a correction
 * rewrites the capture's entry in place (journalRecorder.ts), so a corrected entry counts as the
 * mood chosen, whatever its kept probabilities say.
 */
interface Placed extends LocalTime {
  entry: JournalEntry;
  at: number;
}

export function timeOfDayAt(hour: number): TimeOfDay {
  const { morning, afternoon, evening, night } = TIME_OF_DAY_STARTS;
  if (hour >= morning && hour < afternoon) return 'morning';
  if (hour >= afternoon && hour < evening) return 'afternoon';
  if (hour >= evening && hour < night) return 'evening';
  return 'night';
}

/** Two-proportion z with the pooled share; 0 when there is no spread to test against. */
export function twoProportionZ(a: number, n: number, b: number, m: number): number {
  if (!n || !m) return 0;
  const pooled = (a + b) / (n + m);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / m));
  return se ? (a / n - b / m) / se : 0;
}

/** The changes between entries in a row, on the valence scale: how many, their squares summed, how many large. */
function changesWithin(placed: readonly Placed[]): { pairs: number; squares: number; large: number } {
  let squares = 0;
  let large = 0;
  for (let i = 1; i < placed.length; i++) {
    const difference = VALENCE[placed[i]!.entry.mood] - VALENCE[placed[i - 1]!.entry.mood];
    squares += difference ** 2;
    if (isLargeChange(difference)) large += 1;
  }
  return { pairs: Math.max(0, placed.length - 1), squares, large };
}

function countMoods(placed: readonly Placed[]): MoodCounts {
  const counts = noCounts();
  for (const { entry } of placed) counts[entry.mood] += 1;
  return counts;
}

function summariseDay(day: DayKey, placed: readonly Placed[]): DaySummary {
  const counts = countMoods(placed);
  const main = mainMood(counts) ?? null;
  const { pairs, squares } = changesWithin(placed);
  return {
    day,
    weekday: weekdayOf(day),
    entries: placed.length,
    counts,
    main,
    low: main !== null && isLow(main),
    mixed: placed.some(({ entry }) => isLow(entry.mood)) && placed.some(({ entry }) => isHigh(entry.mood)),
    pairs,
    swing: pairs ? squares / pairs : null,
  };
}

/** Pairs of entries in a row on the same day, never across days: a night breaks the series. */
function swingMeasures(days: readonly DaySummary[], byDay: Map<DayKey, Placed[]>): SwingMeasures {
  const total = { pairs: 0, squares: 0, large: 0 };
  for (const placed of byDay.values()) {
    const day = changesWithin(placed);
    total.pairs += day.pairs;
    total.squares += day.squares;
    total.large += day.large;
  }
  const withEntries = days.filter((day) => day.entries > 0);
  return {
    mssd: total.pairs ? total.squares / total.pairs : null,
    pairs: total.pairs,
    largeChanges: total.large,
    daysWithPairs: days.filter((day) => day.pairs > 0).length,
    mixedDays: days.filter((day) => day.mixed).length,
    spanDays: withEntries.length
      ? daysBetween(withEntries[0]!.day, withEntries[withEntries.length - 1]!.day) + 1
      : 0,
  };
}

function longestLowRun(days: readonly DaySummary[]): DayRun | null {
  let best: DayRun | null = null;
  let start = 0;
  for (let i = 0; i < days.length; i++) {
    if (!days[i]!.low) {
      start = i + 1;
      continue;
    }
    const length = i - start + 1;
    if (!best || length >= best.days) best = { days: length, start: days[start]!.day, end: days[i]!.day };
  }
  return best;
}

function moodShares(current: readonly Placed[], previous: readonly Placed[]): MoodShare[] {
  const now = countMoods(current);
  const before = countMoods(previous);
  return MOODS.map((mood) => {
    const share = current.length ? now[mood] / current.length : 0;
    const previousShare = previous.length ? before[mood] / previous.length : null;
    return {
      mood,
      count: now[mood],
      share,
      previousCount: before[mood],
      previousShare,
      change: previousShare === null ? null : share - previousShare,
      z:
        previousShare === null
          ? null
          : twoProportionZ(now[mood], current.length, before[mood], previous.length),
    };
  });
}

function bucketTallies<B>(
  placed: readonly Placed[],
  buckets: readonly B[],
  bucketOf: (item: Placed) => B,
  z: number,
): BucketTally<B>[] {
  const lowTotal = placed.filter(({ entry }) => isLow(entry.mood)).length;
  return buckets.map((bucket) => {
    const inBucket = placed.filter((item) => bucketOf(item) === bucket);
    const entries = inBucket.length;
    const low = inBucket.filter(({ entry }) => isLow(entry.mood)).length;
    const others = placed.length - entries;
    const enough = entries >= MIN_BUCKET_ENTRIES && others >= MIN_BUCKET_ENTRIES;
    const score = enough ? twoProportionZ(low, entries, lowTotal - low, others) : null;
    return {
      bucket,
      entries,
      low,
      lowShare: entries ? low / entries : 0,
      otherLowShare: others ? (lowTotal - low) / others : 0,
      enough,
      z: score,
      pattern: score === null || Math.abs(score) < z ? null : score > 0 ? 'more-low' : 'less-low',
    };
  });
}

const byGoodThenRate = (a: { good: number; rated: number }, b: { good: number; rated: number }): number =>
  b.good - a.good || b.good / b.rated - a.good / a.rated;

function lifted(placed: readonly Placed[]): Lifted {
  const low = placed.filter(({ entry }) => isLow(entry.mood));
  const rated = low.filter(({ entry }) => entry.feedback !== undefined).map(({ entry }) => entry);
  const isGood = (entry: JournalEntry) => entry.feedback === 'good-pick';
  const media = MEDIA_KINDS.map((kind) => {
    const of = rated.filter((entry) => entry.media === kind);
    return { media: kind, good: of.filter(isGood).length, rated: of.length };
  })
    .filter(({ rated: n }) => n > 0)
    .sort(byGoodThenRate);
  const searches = new Map<string, LiftedSearch>();
  for (const entry of rated) {
    const key = `${entry.provider}\n${entry.query}`;
    const search = searches.get(key) ?? {
      media: entry.media,
      provider: entry.provider,
      query: entry.query,
      good: 0,
      rated: 0,
    };
    search.rated += 1;
    if (isGood(entry)) search.good += 1;
    searches.set(key, search);
  }
  return {
    lowEntries: low.length,
    rated: rated.length,
    good: rated.filter(isGood).length,
    media,
    searches: [...searches.values()]
      .filter(({ good }) => good > 0)
      .sort((a, b) => byGoodThenRate(a, b) || a.query.localeCompare(b.query))
      .slice(0, LIFTED_TOP),
  };
}

const message = (key: PatternMessage['key'], ...args: PatternMessage['args']): PatternMessage => ({
  key,
  args,
});

type ReportBase = Omit<PatternReport, 'findings' | 'supportNote' | 'flags'>;

function mainMoodFinding({ entries, moods }: ReportBase): Finding[] {
  const main = mainMood(
    Object.fromEntries(moods.map(({ mood, count: n }) => [mood, n])) as Record<Mood, number>,
  );
  if (!main) return [];
  const { count: n, share } = moods.find(({ mood }) => mood === main)!;
  return [
    {
      code: 'main-mood',
      subject: main,
      evidence: { count: n, entries, share },
      message: message(
        PATTERN_KEYS.mainMood,
        { kind: 'mood', value: main },
        count(n),
        count(entries),
        percent(share),
      ),
    },
  ];
}

/** Moods whose share moved clearly against the previous period (enough days in both). */
function moodChangeFindings({ moods, previous }: ReportBase): Finding[] {
  if (previous.daysWithEntries < MIN_DAYS_WITH_ENTRIES) return [];
  return moods.flatMap(({ mood, count: n, share, previousCount, previousShare, change, z }): Finding[] => {
    if (z === null || previousShare === null || change === null || Math.abs(z) < MOOD_CHANGE_Z) return [];
    return [
      {
        code: change > 0 ? 'mood-up' : 'mood-down',
        subject: mood,
        evidence: { count: n, share, previousCount, previousShare, z },
        message: message(
          change > 0 ? PATTERN_KEYS.moodUp : PATTERN_KEYS.moodDown,
          { kind: 'moodLabel', value: mood },
          percent(share),
          percent(previousShare),
          count(previous.days),
        ),
      },
    ];
  });
}

function lowRunAndMixedFindings({ longestLowRun: run, swings }: ReportBase): Finding[] {
  const findings: Finding[] = [];
  if (run && run.days >= LOW_RUN_MENTION_DAYS) {
    findings.push({
      code: 'low-run',
      evidence: { days: run.days },
      message: message(
        PATTERN_KEYS.lowRun,
        count(run.days),
        { kind: 'day', value: run.start },
        { kind: 'day', value: run.end },
      ),
    });
  }
  if (swings.mixedDays > 0) {
    findings.push({
      code: 'mixed-days',
      evidence: { mixedDays: swings.mixedDays, daysWithPairs: swings.daysWithPairs },
      message: message(PATTERN_KEYS.mixedDays, count(swings.mixedDays), count(swings.daysWithPairs)),
    });
  }
  return findings;
}

const bucketFinding = <B extends string | number>(
  code: 'time-of-day' | 'weekday',
  tally: BucketTally<B>,
  when: PatternArg,
): Finding => ({
  code,
  subject: tally.bucket,
  evidence: {
    entries: tally.entries,
    low: tally.low,
    lowShare: tally.lowShare,
    otherLowShare: tally.otherLowShare,
    z: tally.z ?? 0,
  },
  message: message(
    code === 'weekday' ? PATTERN_KEYS.weekday : PATTERN_KEYS.timeOfDay,
    when,
    count(tally.low),
    count(tally.entries),
    percent(tally.lowShare),
    percent(tally.otherLowShare),
  ),
});

function bucketFindings(report: ReportBase): Finding[] {
  return [
    ...report.timeOfDay
      .filter(({ pattern }) => pattern)
      .map((tally) => bucketFinding('time-of-day', tally, { kind: 'timeOfDay', value: tally.bucket })),
    ...report.weekdays
      .filter(({ pattern }) => pattern)
      .map((tally) => bucketFinding('weekday', tally, { kind: 'weekday', value: tally.bucket })),
  ];
}

const liftedFinding = (
  code: 'lifted-media' | 'lifted-search',
  subject: string,
  { good, rated }: LiftedMedia | LiftedSearch,
  what: PatternArg[],
): Finding => ({
  code,
  subject,
  evidence: { good, rated },
  message: message(
    code === 'lifted-media' ? PATTERN_KEYS.liftedMedia : PATTERN_KEYS.liftedSearch,
    ...what,
    count(good),
    count(rated),
  ),
});

/** What lifted the user most: the media, then the search (its words and where). */
function liftedFindings({ lifted: lift }: ReportBase): Finding[] {
  const findings: Finding[] = [];
  const [media] = lift.media;
  if (media && media.good >= MIN_LIFT_GOOD) {
    findings.push(liftedFinding('lifted-media', media.media, media, [{ kind: 'media', value: media.media }]));
  }
  const [search] = lift.searches;
  if (search && search.good >= MIN_LIFT_GOOD) {
    findings.push(
      liftedFinding('lifted-search', search.provider, search, [
        { kind: 'text', value: search.query },
        { kind: 'provider', value: search.provider },
      ]),
    );
  }
  return findings;
}

function findingsOf(report: ReportBase): Finding[] {
  return [
    ...mainMoodFinding(report),
    ...moodChangeFindings(report),
    ...lowRunAndMixedFindings(report),
    ...bucketFindings(report),
    ...liftedFindings(report),
  ];
}

const SUPPORT_NOTE: SupportNote = {
  messages: [message(PATTERN_KEYS.supportCamera), message(PATTERN_KEYS.supportTalk)],
  link: { url: HELPLINE_URL, label: message(PATTERN_KEYS.supportLink) },
};

/** The entries of this period and the one before, each with its local day and hour, oldest first. */
function placeEntries(
  entries: readonly JournalEntry[],
  now: Date,
  clock: ReturnType<typeof localClock>,
  from: DayKey,
  to: DayKey,
): Placed[] {
  return entries
    .map((entry) => ({ entry, at: Date.parse(entry.time) }))
    .filter(({ at }) => at <= now.getTime())
    .map(({ entry, at }) => ({ entry, at, ...clock(new Date(at)) }))
    .filter(({ day }) => day >= from && day <= to)
    .sort((a, b) => a.at - b.at || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0));
}

/** Everything measured over the period, before any flag or finding. */
function measure(entries: readonly JournalEntry[], { days, now, timeZone }: ReportOptions): ReportBase {
  const clock = localClock(timeZone);
  const end = clock(now).day;
  const start = addDays(end, 1 - days);
  const previousStart = addDays(start, -days);
  const placed = placeEntries(entries, now, clock, previousStart, end);
  const current = placed.filter(({ day }) => day >= start);
  const previous = placed.filter(({ day }) => day < start);
  const byDay = new Map<DayKey, Placed[]>();
  for (const item of current) byDay.set(item.day, [...(byDay.get(item.day) ?? []), item]);
  const daySummaries = Array.from({ length: days }, (_, i) => {
    const day = addDays(start, i);
    return summariseDay(day, byDay.get(day) ?? []);
  });
  return {
    period: { days, start, end, timeZone },
    previous: {
      days,
      start: previousStart,
      end: addDays(start, -1),
      entries: previous.length,
      daysWithEntries: new Set(previous.map(({ day }) => day)).size,
    },
    entries: current.length,
    daysWithEntries: byDay.size,
    days: daySummaries,
    moods: moodShares(current, previous),
    longestLowRun: longestLowRun(daySummaries),
    swings: swingMeasures(daySummaries, byDay),
    timeOfDay: bucketTallies(current, TIMES_OF_DAY, ({ hour }) => timeOfDayAt(hour), TIME_OF_DAY_Z),
    weekdays: bucketTallies(current, [0, 1, 2, 3, 4, 5, 6], ({ weekday }) => weekday, WEEKDAY_Z),
    lifted: lifted(current),
    insufficientData: null,
  };
}

/** The report on `entries` for the `days` days that end today in `timeZone`. */
export function buildReport(entries: readonly JournalEntry[], options: ReportOptions): PatternReport {
  const { days, now } = options;
  if (!Number.isInteger(days) || days < 1 || days > MAX_REPORT_DAYS) {
    throw new RangeError(`days must be a whole number from 1 to ${MAX_REPORT_DAYS}, not ${days}`);
  }
  if (!Number.isFinite(now.getTime())) throw new RangeError('now is not a valid date');
  const base = measure(entries, options);
  const { daysWithEntries } = base;
  if (daysWithEntries < MIN_DAYS_WITH_ENTRIES) {
    const insufficientData = { daysWithEntries, daysNeeded: MIN_DAYS_WITH_ENTRIES };
    const finding: Finding = {
      code: 'insufficient-data',
      evidence: { ...insufficientData },
      message: message(PATTERN_KEYS.insufficientData, count(MIN_DAYS_WITH_ENTRIES), count(daysWithEntries)),
    };
    return { ...base, insufficientData, flags: [], findings: [finding], supportNote: null };
  }
  const flags: Flag[] = [
    persistentLowFlag(base.days, base.longestLowRun),
    moodSwingsFlag(base.days, base.swings),
  ].filter((flag): flag is Flag => flag !== undefined);
  return {
    ...base,
    flags,
    findings: findingsOf(base),
    supportNote: flags.length ? SUPPORT_NOTE : null,
  };
}
