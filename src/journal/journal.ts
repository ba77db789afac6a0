/**
 * The mood journal's data: what one entry holds, the user's journal preferences, and the checks
 * both storage reads and file imports go through. Kept only when the user said yes, in
 * storage.local, never with an image or a face crop.
 */
import { isVerdict, type Verdict } from '../recommendation/bandit';
import type { Recommendation } from '../recommendation/catalogue';
import type { ErrorCode } from '../common/errors';
import { isMood, MOODS, type Mood, type MoodProbabilities } from '../model/moods';
import { isMediaKind, type MediaKind } from '../recommendation/media';
import {
  isId,
  PICK_SOURCES,
  type Pick as OpenedTab,
  type PickRef,
  type PickSource,
} from '../recommendation/picks';
import { isRecord } from '../common/records';
import { isProviderId, isQuery, isReading, isUtcTime } from '../recommendation/values';

/** How the mood was decided: the source of the pick that opened the tab (PICK_SOURCES, picks.ts). */
export const ENTRY_SOURCES = PICK_SOURCES;
export type EntrySource = PickSource;

export interface JournalEntry {
  /**
   * Unique within the journal: how a correction or feedback finds its entry. The capture's id for
   * an entry made by a capture (captureId), the pick's id for a mood picked by hand without one.
   */
  id: string;
  /** When the tab opened, ISO 8601 in UTC. */
  time: string;
  mood: Mood;
  source: EntrySource;
  /** The camera reading's five probabilities, rounded to 2 decimals; null when no capture was made. */
  probabilities: MoodProbabilities | null;
  media: MediaKind;
  /** Catalogue provider id, e.g. "spotify", or one of the user's own ("custom-..."). */
  provider: string;
  /** The search the provider got: all a provider ever sees. */
  query: string;
  /** "Good pick" / "Not for me", as given in the popup. */
  feedback?: Verdict;
}

/** What the recorder supplies; the store adds the time, and an id when the draft has none. */
export type JournalDraft = Omit<JournalEntry, 'id' | 'time'> & { id?: string };
/** Fields a later call may change; `feedback: undefined` removes the feedback. */
export type JournalPatch = Partial<
  Pick<JournalEntry, 'mood' | 'source' | 'media' | 'provider' | 'query' | 'feedback'>
>;

/** What happened to the journal after a tab opened; absent when the journal is off. */
export type JournalOutcome = { status: 'saved'; entryId: string } | { status: 'failed'; error: ErrorCode };

/** Days an entry is kept, or forever. Applied at every write. */
export const RETENTIONS = [30, 90, 365, 'forever'] as const;
export type Retention = (typeof RETENTIONS)[number];

export interface JournalPrefs {
  /** Off until the user says yes. */
  enabled: boolean;
  /** Whether the user was asked (welcome page or first result): asked once, either answer counts. */
  asked: boolean;
  retention: Retention;
}

export const DEFAULT_JOURNAL_PREFS: JournalPrefs = { enabled: false, asked: false, retention: 365 };

const DAY_MS = 24 * 60 * 60 * 1000;
const ENTRY_FIELDS = [
  'id',
  'time',
  'mood',
  'source',
  'probabilities',
  'media',
  'provider',
  'query',
  'feedback',
];
/**
 * The most entries a journal keeps (and an import may bring): 20 a day over the retention, and
 * 10,000 in all, for "forever" too.
 */
export const MAX_ENTRIES_PER_DAY = 20;
export const MAX_JOURNAL_ENTRIES = 10_000;
export const maxEntriesFor = (retention: Retention): number =>
  retention === 'forever'
    ? MAX_JOURNAL_ENTRIES
    : Math.min(MAX_JOURNAL_ENTRIES, retention * MAX_ENTRIES_PER_DAY);

export const isRetention = (value: unknown): value is Retention => RETENTIONS.includes(value as Retention);

export function parseJournalPrefs(raw: unknown): JournalPrefs {
  const value = isRecord(raw) ? raw : {};
  return {
    enabled: value.enabled === true,
    asked: value.asked === true,
    retention: isRetention(value.retention) ? value.retention : DEFAULT_JOURNAL_PREFS.retention,
  };
}

const ENTRY_CHECKS: Record<string, (value: unknown) => boolean> = {
  id: isId,
  time: isUtcTime,
  mood: isMood,
  source: (value) => ENTRY_SOURCES.includes(value as EntrySource),
  probabilities: (value) => value === null || isReading(value),
  media: isMediaKind,
  // Any well-formed id: an export from a newer Moodtab may name providers this one does not know.
  provider: isProviderId,
  query: isQuery,
  feedback: (value) => value === undefined || isVerdict(value),
};

/** The first field of a would-be entry that is wrong (missing, invalid or unknown), or undefined when it is a valid entry. */
export function entryProblem(raw: unknown): string | undefined {
  if (!isRecord(raw)) return 'entry';
  const unknown = Object.keys(raw).find((key) => !ENTRY_FIELDS.includes(key));
  if (unknown !== undefined) return unknown;
  return ENTRY_FIELDS.find((field) => !ENTRY_CHECKS[field]!(raw[field]));
}

export const isJournalEntry = (raw: unknown): raw is JournalEntry => entryProblem(raw) === undefined;

export const byTime = (a: JournalEntry, b: JournalEntry) => Date.parse(a.time) - Date.parse(b.time);

/** The UTC month an entry is stored under ('2025-06'), from its time. */
export const journalMonthOf = ({ time }: Pick<JournalEntry, 'time'>): string =>
  new Date(time).toISOString().slice(0, 7);
export const isJournalMonth = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** Reads what storage held; anything that is not a valid entry (an old or hand-edited value) is dropped. */
export const readEntries = (raw: unknown): JournalEntry[] =>
  Array.isArray(raw) ? raw.filter(isJournalEntry).sort(byTime) : [];

export const roundProbabilities = (probabilities: MoodProbabilities): MoodProbabilities =>
  Object.fromEntries(
    MOODS.map((mood) => [mood, Math.round(probabilities[mood] * 100) / 100]),
  ) as MoodProbabilities;

/** What a journal keeps of an opened tab: never its URL's other parts, only media, provider and query. */
export const openedTab = ({
  media,
  provider,
  query,
}: Recommendation): Pick<JournalEntry, 'media' | 'provider' | 'query'> => ({
  media,
  provider: provider.id,
  query,
});

/** The journal entry a pick is noted in: its capture's, or its own for a mood picked without one. */
export const entryIdOf = (pick: OpenedTab | PickRef): string => pick.captureId ?? pick.id;

/**
 * The entry for the tab a pick opened. `probabilities`: the camera's reading of the capture the
 * pick belongs to (kept rounded); a manual pick has none.
 */
export const pickDraft = (
  pick: OpenedTab,
  probabilities?: MoodProbabilities,
): JournalDraft & { id: string } => ({
  id: entryIdOf(pick),
  mood: pick.mood,
  source: pick.source,
  probabilities: pick.captureId && probabilities ? roundProbabilities(probabilities) : null,
  ...openedTab(pick),
});

/** Whether an entry has outlived the retention at `now`. */
export function isExpired(entry: Pick<JournalEntry, 'time'>, retention: Retention, now: Date): boolean {
  return retention !== 'forever' && Date.parse(entry.time) < now.getTime() - retention * DAY_MS;
}
