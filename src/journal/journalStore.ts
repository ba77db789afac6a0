/**
 * The mood journal in storage: one array under one key, oldest first. Every write goes through the
 * stored-state registry's write path (one lock for the key across all of the extension's pages:
 * the background records while the options page may import or delete), prunes what the retention
 * no longer allows, and is a single storage write: when the storage is full the browser refuses
 * that write whole, so what was stored before stays as it was.
 */
import { isQuotaError, MoodtabError } from '../common/errors';
import {
  byTime,
  isExpired,
  isJournalEntry,
  type JournalDraft,
  type JournalEntry,
  type JournalPatch,
  type JournalPrefs,
} from './journal';

/**
 * The stored values the store works on: the registry's `journal` and `journalPrefs`, and
 * `patternsSeen` (the mood-patterns flags the user has seen, gone with the journal), from
 * openStoredState in src/storage, handed in by each context.
 */
export interface JournalStorage {
  journal: {
    load(): Promise<JournalEntry[]>;
    edit<R>(change: (entries: JournalEntry[]) => Promise<{ value: JournalEntry[]; result: R }>): Promise<R>;
  };
  journalPrefs: { load(): Promise<JournalPrefs> };
  patternsSeen?: { remove(): Promise<void> };
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
  /** Empties the journal, and forgets which mood-patterns flags were seen (their days came from it). */
  deleteAll(): Promise<void>;
}

export interface JournalStoreOptions {
  now?: () => Date;
  newId?: () => string;
}

type Edit<T> = (entries: JournalEntry[], prefs: JournalPrefs) => { entries: JournalEntry[]; result: T };

/**
 * Reads, changes and writes the journal under its lock, pruned to the retention; `pruned`: how many
 * entries the retention removed in this write.
 */
async function changeJournal<T>(
  stored: JournalStorage,
  now: () => Date,
  edit: Edit<T>,
): Promise<{ result: T; pruned: number }> {
  try {
    return await stored.journal.edit(async (current) => {
      const prefs = await stored.journalPrefs.load();
      const { entries, result } = edit(current, prefs);
      const at = now();
      const kept = entries.filter((entry) => !isExpired(entry, prefs.retention, at)).sort(byTime);
      return { value: kept, result: { result, pruned: entries.length - kept.length } };
    });
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    throw new MoodtabError('journal-full', error instanceof Error ? error.message : String(error));
  }
}

const withEntry =
  (entry: JournalEntry): Edit<JournalEntry> =>
  (entries) => ({ entries: [...entries.filter(({ id }) => id !== entry.id), entry], result: entry });

const withPatch =
  (id: string, patch: JournalPatch): Edit<JournalEntry | undefined> =>
  (entries) => {
    const current = entries.find((entry) => entry.id === id);
    if (!current) return { entries, result: undefined };
    const updated: JournalEntry = { ...current, ...patch };
    if (updated.feedback === undefined) delete updated.feedback;
    if (!isJournalEntry(updated)) throw new MoodtabError('internal', `journal: invalid change to ${id}`);
    return { entries: entries.map((entry) => (entry === current ? updated : entry)), result: updated };
  };

const withImported =
  (incoming: JournalEntry[], now: () => Date): Edit<ImportSummary> =>
  (entries, { retention }) => {
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
  };

export function createJournalStore(
  stored: JournalStorage,
  { now = () => new Date(), newId = () => crypto.randomUUID() }: JournalStoreOptions = {},
): JournalStore {
  const change = <T>(edit: Edit<T>) => changeJournal(stored, now, edit);
  const resultOf = async <T>(edit: Edit<T>): Promise<T> => (await change(edit)).result;
  return {
    listEntries: () => stored.journal.load(),
    recordEntry(draft) {
      const entry: JournalEntry = { ...draft, id: draft.id ?? newId(), time: now().toISOString() };
      // Checked here: an invalid entry would be dropped unseen at the next read.
      if (!isJournalEntry(entry))
        return Promise.reject(new MoodtabError('internal', 'journal: invalid entry'));
      return resultOf(withEntry(entry));
    },
    updateEntry: (id, patch) => resultOf(withPatch(id, patch)),
    importEntries: (incoming) => resultOf(withImported(incoming, now)),
    applyRetention: async () => (await change((entries) => ({ entries, result: undefined }))).pruned,
    async deleteAll() {
      await change(() => ({ entries: [], result: undefined }));
      await stored.patternsSeen?.remove();
    },
  };
}
