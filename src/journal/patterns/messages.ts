/**
 * What a report says, as message keys with typed values, never as sentences built here: the
 * pages word it in the user's language through t(), the CLI in English through the catalogue.
 * A value keeps its type (a count, a share, a mood, a day) so each language formats it its own way.
 */
import type { MessageKey } from '../../common/i18n';
import { MEDIA_LABEL, MOOD_LABEL, MOOD_WORD } from '../../common/labels';
import type { Mood } from '../../model/moods';
import type { MediaKind } from '../../recommendation/media';
import { dayAsDate, type DayKey } from './days';

export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening', 'night'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** One value of a message, in order of its placeholders ($1, $2, ...). */
export type PatternArg =
  | { kind: 'count'; value: number }
  /** A share, 0..1, shown as a whole percentage. */
  | { kind: 'percent'; value: number }
  /** A measure with decimals (the swing score). */
  | { kind: 'decimal'; value: number }
  /** The mood inside a sentence ("sad"). */
  | { kind: 'mood'; value: Mood }
  /** The mood as a label, first in a line ("Sad"). */
  | { kind: 'moodLabel'; value: Mood }
  | { kind: 'media'; value: MediaKind }
  | { kind: 'day'; value: DayKey }
  /** 0 Sunday .. 6 Saturday. */
  | { kind: 'weekday'; value: number }
  | { kind: 'timeOfDay'; value: TimeOfDay }
  /** A provider id ("spotify", "custom-..."): the page shows its name. */
  | { kind: 'provider'; value: string }
  /** The user's own words: a search query. Shown as they are. */
  | { kind: 'text'; value: string };

export interface PatternMessage {
  key: MessageKey;
  args: PatternArg[];
}

export const count = (value: number): PatternArg => ({ kind: 'count', value });
export const percent = (value: number): PatternArg => ({ kind: 'percent', value });

/** Every key a report's messages use, by what it says. */
export const PATTERN_KEYS = {
  insufficientData: 'patterns_insufficientData',
  mainMood: 'patterns_mainMood',
  moodUp: 'patterns_moodUp',
  moodDown: 'patterns_moodDown',
  lowRun: 'patterns_lowRun',
  mixedDays: 'patterns_mixedDays',
  timeOfDay: 'patterns_timeOfDay',
  weekday: 'patterns_weekday',
  liftedMedia: 'patterns_liftedMedia',
  liftedSearch: 'patterns_liftedSearch',
  persistentLowMood: 'patterns_persistentLowMood',
  moodSwings: 'patterns_moodSwings',
  detailLowDays: 'patterns_detailLowDays',
  detailSwingScore: 'patterns_detailSwingScore',
  detailLargeChanges: 'patterns_detailLargeChanges',
  supportCamera: 'patterns_supportCamera',
  supportTalk: 'patterns_supportTalk',
  supportLink: 'patterns_supportLink',
} as const satisfies Record<string, MessageKey>;

export const TIME_OF_DAY_LABEL = {
  morning: 'patterns_morning',
  afternoon: 'patterns_afternoon',
  evening: 'patterns_evening',
  night: 'patterns_night',
} as const satisfies Record<TimeOfDay, MessageKey>;

/** The keys above, all of them: the words a report can show (the locale tests read them). */
export const PATTERN_MESSAGE_KEYS: readonly MessageKey[] = [
  ...Object.values(PATTERN_KEYS),
  ...Object.values(TIME_OF_DAY_LABEL),
];

/** How the words are found and numbers written: what patternText needs from its caller. */
export interface PatternFormat {
  /** The message for a key with its placeholders filled: t() on the pages, the catalogue in Node. */
  t(key: MessageKey, ...subs: string[]): string;
  /** The language for numbers, dates and weekday names (BCP 47, e.g. "de"). */
  locale: string;
  /** A provider's name by its id; without it, the id is shown. */
  providerName?(id: string): string;
}

/** Sunday, 1 January 2023 and the six days after it: a week to name weekdays from. */
const WEEK_START = Date.UTC(2023, 0, 1, 12);

function argText(arg: PatternArg, { t, locale, providerName }: PatternFormat): string {
  switch (arg.kind) {
    case 'count':
      return new Intl.NumberFormat(locale).format(arg.value);
    case 'percent':
      return t('percent', String(Math.round(arg.value * 100)));
    case 'decimal':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(arg.value);
    case 'mood':
      return t(MOOD_WORD[arg.value]);
    case 'moodLabel':
      return t(MOOD_LABEL[arg.value]);
    case 'media':
      return t(MEDIA_LABEL[arg.value]);
    case 'day':
      return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        dayAsDate(arg.value),
      );
    case 'weekday': {
      const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
        new Date(WEEK_START + arg.value * 24 * 60 * 60 * 1000),
      );
      // First in its line: "Lunes", as German and English write it anyway.
      return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
    }
    case 'timeOfDay':
      return t(TIME_OF_DAY_LABEL[arg.value]);
    case 'provider':
      return providerName?.(arg.value) ?? arg.value;
    case 'text':
      return arg.value;
  }
}

/** A report's message in words: the pages pass t() and uiLanguage(), the CLI the English catalogue. */
export const patternText = (message: PatternMessage, format: PatternFormat): string =>
  format.t(message.key, ...message.args.map((arg) => argText(arg, format)));
