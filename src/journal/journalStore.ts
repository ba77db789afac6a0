/**
 * The mood journal in storage: entries in monthly buckets (UTC), each oldest first. Every write
 * goes through the registry's bucketed list (one lock for the journal across all of the
 * extension's pages: the background records while the options page may import or delete),
 * touches only the months it changes, prunes what the retention no longer allows (whole old
 * months go, the oldest kept one is trimmed), and is a single storage write: when the storage is
 * full the browser refuses that write whole, so what was stored before stays as it was.
 */
import { isQuotaError, MoodtabError } from '../common/errors';
import {
  isJournalEntry,
  journalMonthOf,
  type JournalDraft,
  type JournalEntry,
  type JournalPatch,
  type JournalPrefs,
} from './journal';
import { addEntries, findEntry, oneEntryPerId, pruneMonths, putEntry, type Months } from './journalMonths';

/**
 * The stored values the store works on: the registry's `journal` (monthly buckets) and
 * `journalPrefs`, and `patternsSeen` (the mood-patterns flags the user has seen, gone with the
 * journal), from openStoredState in src/storage, handed in by each context.
 */
export interface JournalStorage {
  journal: {
    load(): Promise<JournalEntry[]>;
    edit<R>(change: (months: Months) => Promise<R>): Promise<R>;
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

type Edit<T> = (months: Months, prefs: JournalPrefs) => Promise<T>;

/**
 * Reads and changes the months an edit needs under the journal's lock, prunes to the retention,
 * and writes what changed in one write; `pruned`: how many entries the retention removed.
 */
async function changeJournal<T>(
  stored: JournalStorage,
  now: () => Date,
  edit: Edit<T>,
): Promise<{ result: T; pruned: number }> {
  try {
    return await stored.journal.edit(async (months) => {
      const prefs = await stored.journalPrefs.load();
      const result = await edit(months, prefs);
      return { result, pruned: await pruneMonths(months, prefs.retention, now()) };
    });
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    throw new MoodtabError('journal-full', error instanceof Error ? error.message : String(error));
  }
}

const withPatch =
  (id: string, patch: JournalPatch): Edit<JournalEntry | undefined> =>
  async (months) => {
    const found = await findEntry(months, id);
    if (!found) return undefined;
    const updated: JournalEntry = { ...found.entry, ...patch };
    if (updated.feedback === undefined) delete updated.feedback;
    if (!isJournalEntry(updated)) throw new MoodtabError('internal', `journal: invalid change to ${id}`);
    const bucket = await months.read(found.month);
    months.write(
      found.month,
      bucket.map((entry) => (entry.id === id ? updated : entry)),
    );
    return updated;
  };

const withImported =
  (incoming: JournalEntry[], now: () => Date): Edit<ImportSummary> =>
  async (months, { retention }) => {
    const known = new Set((await Promise.all(months.names().map(months.read))).flat().map(({ id }) => id));
    const fresh = incoming.filter((entry) => !known.has(entry.id));
    const kept = await addEntries(months, fresh, retention, now());
    return { added: kept, alreadyThere: incoming.length - fresh.length, tooOld: fresh.length - kept };
  };

export function createJournalStore(
  stored: JournalStorage,
  { now = () => new Date(), newId = () => crypto.randomUUID() }: JournalStoreOptions = {},
): JournalStore {
  const change = <T>(edit: Edit<T>) => changeJournal(stored, now, edit);
  const resultOf = async <T>(edit: Edit<T>): Promise<T> => (await change(edit)).result;
  return {
    listEntries: async () => oneEntryPerId(await stored.journal.load()),
    recordEntry(draft) {
      const entry: JournalEntry = { ...draft, id: draft.id ?? newId(), time: now().toISOString() };
      // Checked here: an invalid entry would be dropped unseen at the next read.
      if (!isJournalEntry(entry))
        return Promise.reject(new MoodtabError('internal', 'journal: invalid entry'));
      return resultOf((months) => putEntry(months, entry, journalMonthOf(entry)));
    },
    updateEntry: (id, patch) => resultOf(withPatch(id, patch)),
    importEntries: (incoming) => resultOf(withImported(incoming, now)),
    applyRetention: async () => (await change(async () => undefined)).pruned,
    async deleteAll() {
      await change(async (months) => months.names().forEach((month) => months.write(month, [])));
      await stored.patternsSeen?.remove();
    },
  };
}
