/** The shape of a mood-patterns report: what buildReport returns and the pages draw. */
import type { Mood } from '../../model/moods';
import type { MediaKind } from '../../recommendation/media';
import type { DayKey } from './days';
import type { PatternMessage, TimeOfDay } from './messages';
import type { MoodCounts } from './valence';

/** One calendar day of the period, in the user's time zone. */
export interface DaySummary {
  day: DayKey;
  /** 0 Sunday .. 6 Saturday. */
  weekday: number;
  entries: number;
  /** Entries per mood: each entry's final mood (a corrected entry counts as the mood chosen). */
  counts: MoodCounts;
  /** The mood counted most; ties go to the lower valence. Null without entries. */
  main: Mood | null;
  /** The main mood was sad or angry. */
  low: boolean;
  /** Both a sad or angry and a happy entry that day. */
  mixed: boolean;
  /** Successive pairs of entries within the day (entries - 1, or 0). */
  pairs: number;
  /** The day's mean squared successive difference of valence; null with fewer than two entries. */
  swing: number | null;
}

export interface MoodShare {
  mood: Mood;
  count: number;
  /** 0..1 of the period's entries (0 without entries). */
  share: number;
  previousCount: number;
  /** 0..1 of the previous period's entries; null when it had none. */
  previousShare: number | null;
  /** share - previousShare; null when the previous period had no entries. */
  change: number | null;
  /** Two-proportion z of the change; null when the previous period had no entries. */
  z: number | null;
}

export interface PeriodSpan {
  /** Length in calendar days, today included. */
  days: number;
  start: DayKey;
  end: DayKey;
}

/** A run of days in a row whose main mood was sad or angry. */
export interface DayRun {
  days: number;
  start: DayKey;
  end: DayKey;
}

/** How much the mood changed within days, on the valence scale (valence.ts). */
export interface SwingMeasures {
  /** Mean squared successive difference over all pairs of entries in a row on the same day; null without pairs. */
  mssd: number | null;
  pairs: number;
  /** Pairs that went straight between sad or angry and happy. */
  largeChanges: number;
  /** Days with two entries or more. */
  daysWithPairs: number;
  /** Days with both a sad or angry and a happy entry. */
  mixedDays: number;
  /** Calendar days from the first to the last day with entries, both included; 0 without entries. */
  spanDays: number;
}

/** Sad or angry entries in one bucket (a time of day, a weekday) against all other entries. */
export interface BucketTally<B> {
  bucket: B;
  entries: number;
  low: number;
  /** low / entries; 0 without entries. */
  lowShare: number;
  /** The share of sad or angry entries everywhere else; 0 when there are none. */
  otherLowShare: number;
  /** Both this bucket and the rest hold MIN_BUCKET_ENTRIES entries or more. */
  enough: boolean;
  /** Two-proportion z of lowShare against otherLowShare; null unless enough. */
  z: number | null;
  /** Where the data supports a pattern: more or fewer sad or angry entries than elsewhere. */
  pattern: 'more-low' | 'less-low' | null;
}

export interface LiftedMedia {
  media: MediaKind;
  /** "Good pick" after a sad or angry entry. */
  good: number;
  /** "Good pick" or "Not for me" after a sad or angry entry. */
  rated: number;
}

export interface LiftedSearch {
  media: MediaKind;
  provider: string;
  /** The user's search words: the print view leaves them out unless the user ticks them in. */
  query: string;
  good: number;
  rated: number;
}

/** "What lifted you": for entries whose mood was sad or angry, what got "Good pick". */
export interface Lifted {
  /** Entries of the period whose final mood was sad or angry. */
  lowEntries: number;
  /** Of those, the ones rated. */
  rated: number;
  good: number;
  /** Every media rated after a sad or angry entry, most "Good pick"s first. */
  media: LiftedMedia[];
  /** Searches with a "Good pick" after a sad or angry entry, most first, LIFTED_TOP at most. */
  searches: LiftedSearch[];
}

export const FLAG_CODES = ['persistent-low-mood', 'mood-swings'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface PersistentLowEvidence {
  /** Days whose main mood was sad or angry in the two weeks that had the most of them. */
  lowDays: number;
  /** The length of those weeks (LOW_STRETCH_DAYS). */
  stretchDays: number;
  /** Days with entries in those two weeks. */
  daysWithEntries: number;
  /** Days whose main mood was sad or angry in the whole period. */
  lowDaysInPeriod: number;
  /** Days with entries in the whole period. */
  daysWithEntriesInPeriod: number;
  longestLowRun: number;
}

export interface MoodSwingsEvidence {
  /** Rounded to 2 decimals. */
  mssd: number;
  pairs: number;
  largeChanges: number;
  mixedDays: number;
  daysWithPairs: number;
  spanDays: number;
}

export interface FlagEvidence {
  'persistent-low-mood': PersistentLowEvidence;
  'mood-swings': MoodSwingsEvidence;
}

export interface FlagOf<C extends FlagCode> {
  code: C;
  evidence: FlagEvidence[C];
  /** The days it speaks of: from the first to the last day that made it. */
  episode: { start: DayKey; end: DayKey };
  /** `code@episode.start`: the same while the same stretch of days raises it. */
  fingerprint: string;
  /** The plain sentence. */
  message: PatternMessage;
  /** Its numbers in words, for the card's expanded view. */
  details: PatternMessage[];
}

/** Any flag; its code tells which evidence it carries. */
export type Flag = { [C in FlagCode]: FlagOf<C> }[FlagCode];

export type FindingCode =
  | 'insufficient-data'
  | 'main-mood'
  | 'mood-up'
  | 'mood-down'
  | 'low-run'
  | 'mixed-days'
  | 'time-of-day'
  | 'weekday'
  | 'lifted-media'
  | 'lifted-search';

/** A card of the report that is not a flag: something it noticed, in numbers and in words. */
export interface Finding {
  code: FindingCode;
  /**
   * What it is about, by code: main-mood, mood-up, mood-down: the mood; time-of-day: the part of
   * the day; weekday: 0 Sunday .. 6 Saturday; lifted-media: the media; lifted-search: the provider id.
   */
  subject?: string | number;
  evidence: Record<string, number>;
  message: PatternMessage;
}

export interface InsufficientData {
  daysWithEntries: number;
  daysNeeded: number;
}

/** With any flag: a camera is not a measure of feelings, talking helps, and where to find a helpline. */
export interface SupportNote {
  messages: PatternMessage[];
  link: { url: string; label: PatternMessage };
}

export interface PatternReport {
  period: PeriodSpan & { timeZone: string };
  /** The period of the same length just before, for the change in each mood's share. */
  previous: PeriodSpan & { entries: number; daysWithEntries: number };
  entries: number;
  daysWithEntries: number;
  /** Every day of the period, oldest first, with or without entries: what the charts draw. */
  days: DaySummary[];
  /** In MOODS order. */
  moods: MoodShare[];
  /** The longest run of days in a row whose main mood was sad or angry (the latest of equals); null when there was none. */
  longestLowRun: DayRun | null;
  swings: SwingMeasures;
  timeOfDay: BucketTally<TimeOfDay>[];
  /** Sunday first. */
  weekdays: BucketTally<number>[];
  lifted: Lifted;
  /** Set when the period has too few days with entries for patterns; flags and findings then stay empty but for it. */
  insufficientData: InsufficientData | null;
  flags: Flag[];
  /** The cards besides the flags, in the order shown. */
  findings: Finding[];
  /** Set when there is any flag. */
  supportNote: SupportNote | null;
}
