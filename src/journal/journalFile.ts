/**
 * The journal as files: CSV for spreadsheets, JSON for a copy Moodtab can import again. An import
 * is checked whole before anything is stored, so a bad or foreign file changes nothing.
 */
import type { MessageKey } from '../common/i18n';
import { entryProblem, maxEntriesFor, type JournalEntry, type Retention } from './journal';
import { MOODS } from '../model/moods';
import { isPastTime } from '../recommendation/values';

export const JOURNAL_FILE_FORMAT = 'moodtab-journal';
export const JOURNAL_FILE_VERSION = 1;
/** Far more than years of daily entries; a larger file is not a Moodtab export. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface JournalFile {
  format: typeof JOURNAL_FILE_FORMAT;
  version: typeof JOURNAL_FILE_VERSION;
  exportedAt: string;
  entries: JournalEntry[];
}

export const CSV_COLUMNS = [
  'time',
  'mood',
  'source',
  ...MOODS,
  'media',
  'provider',
  'query',
  'feedback',
] as const;

/** `moodtab-journal-2025-03-01.csv`, dated in the user's own time zone. */
export function exportFileName(extension: 'csv' | 'json', date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `moodtab-journal-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}

/**
 * One CSV cell (RFC 4180 quoting). A text cell that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR first) gets a leading apostrophe: an imported query must not become code.
 */
function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function journalToCsv(entries: readonly JournalEntry[]): string {
  const rows = entries.map((entry) =>
    [
      entry.time,
      entry.mood,
      entry.source,
      ...MOODS.map((mood) => entry.probabilities?.[mood] ?? null),
      entry.media,
      entry.provider,
      entry.query,
      entry.feedback,
    ].map(csvCell),
  );
  return [CSV_COLUMNS, ...rows].map((row) => row.join(',')).join('\r\n') + '\r\n';
}

export function journalToJson(entries: readonly JournalEntry[], exportedAt: Date): string {
  const file: JournalFile = {
    format: JOURNAL_FILE_FORMAT,
    version: JOURNAL_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    entries: [...entries],
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Why a file cannot be imported: a message key and what fills its placeholders. */
export interface ImportProblem {
  key: MessageKey;
  subs: string[];
}

export type ParsedJournalFile = { ok: true; entries: JournalEntry[] } | { ok: false; problem: ImportProblem };

const problem = (key: MessageKey, ...subs: string[]): ParsedJournalFile => ({
  ok: false,
  problem: { key, subs },
});

const FILE_FIELDS = ['format', 'version', 'exportedAt', 'entries'];

export interface ImportContext {
  /** This device's clock: nothing in a file may be later (beyond a small skew, MAX_CLOCK_SKEW_MS). */
  now: Date;
  /** The user's retention: a file may hold no more entries than the journal keeps with it. */
  retention: Retention;
}

/** The file's own fields: a Moodtab export of this version (or a newer one, said so), dated in the past. */
function fileProblem(data: unknown, now: Date): ParsedJournalFile | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return problem('import_notMoodtab');
  const file = data as Record<string, unknown>;
  if (file.format !== JOURNAL_FILE_FORMAT) return problem('import_notMoodtab');
  if (typeof file.version === 'number' && file.version > JOURNAL_FILE_VERSION) {
    return problem('import_newerVersion', String(file.version));
  }
  const unknown = Object.keys(file).find((key) => !FILE_FIELDS.includes(key));
  if (unknown !== undefined || file.version !== JOURNAL_FILE_VERSION || !Array.isArray(file.entries)) {
    return problem('import_notMoodtab');
  }
  // Moodtab always dates its exports, and never in the future.
  if (!isPastTime(file.exportedAt, now)) return problem('import_notMoodtab');
  return undefined;
}

/** The first entry that is wrong, said so: a bad field, a time in the future, an id twice. */
function entriesProblem(entries: unknown[], now: Date): ParsedJournalFile | undefined {
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const number = String(index + 1);
    const field = entryProblem(entry);
    if (field !== undefined) return problem('import_badEntry', number, field);
    const { id, time } = entry as JournalEntry;
    if (!isPastTime(time, now)) return problem('import_future', number);
    if (seen.has(id)) return problem('import_badEntry', number, 'id');
    seen.add(id);
  }
  return undefined;
}

/**
 * Checks a file's text against the export schema: every entry valid and in the past, nothing
 * unknown, no id twice, no more entries than the journal keeps with the user's retention.
 */
export function parseJournalFile(
  text: string,
  { now, retention }: ImportContext = { now: new Date(), retention: 'forever' },
): ParsedJournalFile {
  if (text.length > MAX_IMPORT_BYTES) return problem('import_tooLarge');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return problem('import_notJson');
  }
  const refused = fileProblem(data, now);
  if (refused) return refused;
  const { entries } = data as { entries: unknown[] };
  const most = maxEntriesFor(retention);
  if (entries.length > most) return problem('import_tooMany', String(entries.length), String(most));
  return entriesProblem(entries, now) ?? { ok: true, entries: entries as JournalEntry[] };
}
