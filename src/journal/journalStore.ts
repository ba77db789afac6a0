/**
 * The mood journal in storage: one array under one key, oldest first. Every write happens under
 * an extension-wide lock (the background records while the options page may import or delete),
 * prunes what the retention no longer allows, and is a single storage write: when the storage is
 * full the browser refuses that write whole, so what was stored before stays as it was.
 */
import { isQuotaError, MoodtabError } from '../common/errors';
import {
  isExpired,
  isJournalEntry,
  JOURNAL_KEY,
  JOURNAL_PREFS_KEY,
  parseJournalPrefs,
  type JournalDraft,
  type JournalEntry,
  type JournalPatch,
  type JournalPrefs,
} from './journal';

/** The storage the journal lives in (storage.local in the extension, a map in tests). */
export interface StorageArea {
  load(key: string): Promise<unknown>;
  save(key: string, value: unknown): Promise<void>;
  /** Runs `task` while no other task holding the lock `name` runs, in any of the extension's pages. */
  exclusive<T>(name: string, task: () => Promise<T>): Promise<T>;
}

export interface ImportSummary {
  added: number;
  /** Entries whose id the journal already had: left as they are. */
  alreadyThere: number;
  /** Entries older than the retention allows: not kept. */
  tooOld: number;
}

export interface JournalStore {
  /** Every entry, oldest first. */
  listEntries(): Promise<JournalEntry[]>;
  /**
   * Adds an entry stamped with the time now and the draft's id (a new one when it has none); an
   * entry already under that id is replaced. Throws MoodtabError('journal-full') when storage is full.
   */
  recordEntry(draft: JournalDraft): Promise<JournalEntry>;
  /** Changes an entry (a correction, feedback); undefined when no entry has that id (deleted or pruned). */
  updateEntry(id: string, patch: JournalPatch): Promise<JournalEntry | undefined>;
  /** Adds entries from a file; ids already present are skipped. */
  importEntries(entries: JournalEntry[]): Promise<ImportSummary>;
  /** Deletes what the current retention no longer allows (after the user shortened it); returns how many. */
  applyRetention(): Promise<number>;
  deleteAll(): Promise<void>;
}

export interface JournalStoreOptions {
  now?: () => Date;
  newId?: () => string;
}

const LOCK = 'moodtab-journal';

const byTime = (a: JournalEntry, b: JournalEntry) => Date.parse(a.time) - Date.parse(b.time);

/** Reads what storage held; anything that is not a valid entry (an old or hand-edited value) is dropped. */
export const readEntries = (raw: unknown): JournalEntry[] =>
  Array.isArray(raw) ? raw.filter(isJournalEntry).sort(byTime) : [];

export function createJournalStore(
  area: StorageArea,
  { now = () => new Date(), newId = () => crypto.randomUUID() }: JournalStoreOptions = {},
): JournalStore {
  /**
   * Reads, changes and writes the journal under the lock, pruned to the retention; `pruned`: how
   * many entries the retention removed in this write.
   */
  async function change<T>(
    edit: (entries: JournalEntry[], prefs: JournalPrefs) => { entries: JournalEntry[]; result: T },
  ): Promise<{ result: T; pruned: number }> {
    return area.exclusive(LOCK, async () => {
      const [raw, rawPrefs] = await Promise.all([area.load(JOURNAL_KEY), area.load(JOURNAL_PREFS_KEY)]);
      const prefs = parseJournalPrefs(rawPrefs);
      const { entries, result } = edit(readEntries(raw), prefs);
      const at = now();
      const kept = entries.filter((entry) => !isExpired(entry, prefs.retention, at)).sort(byTime);
      try {
        await area.save(JOURNAL_KEY, kept);
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        throw new MoodtabError('journal-full', error instanceof Error ? error.message : String(error));
      }
      return { result, pruned: entries.length - kept.length };
    });
  }
  const resultOf = async <T>(pending: Promise<{ result: T }>): Promise<T> => (await pending).result;

  return {
    async listEntries() {
      return readEntries(await area.load(JOURNAL_KEY));
    },
    recordEntry(draft) {
      const entry: JournalEntry = { ...draft, id: draft.id ?? newId(), time: now().toISOString() };
      // Checked here: an invalid entry would be dropped unseen at the next read.
      if (!isJournalEntry(entry))
        return Promise.reject(new MoodtabError('internal', 'journal: invalid entry'));
      return resultOf(
        change((entries) => ({
          entries: [...entries.filter(({ id }) => id !== entry.id), entry],
          result: entry,
        })),
      );
    },
    updateEntry(id, patch) {
      return resultOf(
        change((entries) => {
          const current = entries.find((entry) => entry.id === id);
          if (!current) return { entries, result: undefined };
          const updated: JournalEntry = { ...current, ...patch };
          if (updated.feedback === undefined) delete updated.feedback;
          if (!isJournalEntry(updated))
            throw new MoodtabError('internal', `journal: invalid change to ${id}`);
          return { entries: entries.map((entry) => (entry === current ? updated : entry)), result: updated };
        }),
      );
    },
    importEntries(incoming) {
      return resultOf(
        change((entries, { retention }) => {
          const known = new Set(entries.map((entry) => entry.id));
          const fresh = incoming.filter((entry) => !known.has(entry.id));
          const at = now();
          const kept = fresh.filter((entry) => !isExpired(entry, retention, at));
          const result = {
            added: kept.length,
            alreadyThere: incoming.length - fresh.length,
            tooOld: fresh.length - kept.length,
          };
          return { entries: [...entries, ...kept], result };
        }),
      );
    },
    async applyRetention() {
      return (await change((entries) => ({ entries, result: undefined }))).pruned;
    },
    async deleteAll() {
      await change(() => ({ entries: [], result: undefined }));
    },
  };
}
