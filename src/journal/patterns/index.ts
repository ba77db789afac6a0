/** Mood patterns: a report from the journal that a person can act on, never a diagnosis (issue #20). */
export { addDays, daysBetween, localClock, type DayKey } from './days';
export { isNewFlag, markSeen, newFlags, parseSeenFlags, type SeenFlags } from './flags';
export {
  PATTERN_KEYS,
  PATTERN_MESSAGE_KEYS,
  patternText,
  TIME_OF_DAY_LABEL,
  TIMES_OF_DAY,
  type PatternArg,
  type PatternFormat,
  type PatternMessage,
  type TimeOfDay,
} from './messages';
export { buildReport, MAX_REPORT_DAYS, REPORT_PERIODS, timeOfDayAt, type ReportOptions } from './report';
export * from './thresholds';
export * from './types';
export { HIGH_MOODS, LOW_MOODS, mainMood, VALENCE } from './valence';
