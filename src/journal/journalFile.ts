/**
 * The journal as files: CSV for spreadsheets, JSON for a copy Moodtab can import again. An import
 * is checked whole before anything is stored, so a bad or foreign file changes nothing.
 */
import type { MessageKey } from '../common/i18n';
import { entryProblem, type JournalEntry } from './journal';
import { MOODS } from '../model/moods';

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

/** Checks a file's text against the export schema: every entry valid, nothing unknown, no id twice. */
export function parseJournalFile(text: string): ParsedJournalFile {
  if (text.length > MAX_IMPORT_BYTES) return problem('import_tooLarge');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return problem('import_notJson');
  }
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
  const seen = new Set<string>();
  for (const [index, entry] of file.entries.entries()) {
    const field = entryProblem(entry);
    if (field !== undefined) return problem('import_badEntry', String(index + 1), field);
    const { id } = entry as JournalEntry;
    if (seen.has(id)) return problem('import_badEntry', String(index + 1), 'id');
    seen.add(id);
  }
  return { ok: true, entries: file.entries as JournalEntry[] };
}
