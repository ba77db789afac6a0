/**
 * The mood-patterns report as the pages make it (issue #20): for the user's own time zone and
 * the time now, in the user's language, and the one write the pages do for it, marking flags seen.
 */
import type { JournalEntry } from '../journal/journal';
import {
  buildReport,
  markSeen,
  newFlags,
  patternText,
  type Flag,
  type PatternMessage,
  type PatternReport,
  type SeenFlags,
} from '../journal/patterns';
import { t, uiLanguage } from '../platform/i18n';
import type { Catalogue } from '../recommendation/catalogue';
import { stored } from '../platform/stored';

/** The period of the report the popup's note checks for new flags. */
export const NOTE_PERIOD_DAYS = 30;

/** The options page's anchor of the report: the popup's note links there. */
export const PATTERNS_ANCHOR = 'patterns';

/** The IANA time zone the browser runs in: the user's days, hours and weekdays. */
export const userTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The report for the `days` days that end today. */
export const reportFor = (entries: readonly JournalEntry[], days: number, now = new Date()): PatternReport =>
  buildReport(entries, { days, now, timeZone: userTimeZone() });

/** The flags of the popup's period that the user has not seen yet. */
export const unseenFlags = (entries: readonly JournalEntry[], seen: SeenFlags, now = new Date()): Flag[] =>
  newFlags(reportFor(entries, NOTE_PERIOD_DAYS, now).flags, seen);

/** Notes that the user has seen these flags (the options page showed them). */
export const markFlagsSeen = (flags: readonly Flag[]): Promise<void> =>
  stored.patternsSeen.update((seen) => markSeen(seen, flags));

/**
 * The same from the popup, over `seen` as it read it: a replacement, written at once, since a
 * popup closed right after the click drops a read-modify-write still waiting for its lock (the
 * e2e test caught that). A change the options page made meanwhile is at worst a note shown again.
 */
export const replaceSeenFlags = (seen: SeenFlags, flags: readonly Flag[]): Promise<void> =>
  stored.patternsSeen.set(markSeen(seen, flags));

/** A report's message in the user's language; providers by the name the catalogue gives them. */
export const patternWords = (message: PatternMessage, catalogue?: Catalogue): string =>
  patternText(message, {
    t,
    locale: uiLanguage(),
    providerName: (id) =>
      (catalogue && Object.hasOwn(catalogue.providers, id) ? catalogue.providers[id]?.name : undefined) ?? id,
  });
