/**
 * What the options page's sections share: the stored settings, the user's catalogue (their
 * mapping over the built-in one), journal preferences and entries, kept current.
 */
import type { JournalEntry, JournalPrefs } from '../journal/journal';
import { oneEntryPerId } from '../journal/journalMonths';
import { createJournalStore } from '../journal/journalStore';
import { CATALOGUE, type Catalogue } from '../recommendation/catalogue';
import { applyMapping } from '../recommendation/mapping';
import { mergeSettings, type Settings } from '../recommendation/settings';
import { stored } from '../platform/stored';
import { useStored, useStoredState, type Followed } from './useStored';

/** The journal in storage.local, written under the same lock as the background's writes. */
export const journalStore = createJournalStore(stored);
/** The journal across its months, as the store lists it (each id once), followed in every month. */
const journalEntries: Followed<JournalEntry[]> = {
  key: stored.journal.key,
  initial: stored.journal.initial,
  load: journalStore.listEntries,
  watch: (listener) => stored.journal.watch((entries) => listener(oneEntryPerId(entries))),
};

/** The popup's choices (media, providers, match or lift, countdown); undefined until read. */
export function useSettings(): [Settings | undefined, (patch: Partial<Settings>) => Promise<void>] {
  const [settings, update] = useStoredState(stored.settings);
  return [settings, (patch) => update((current) => mergeSettings(current, patch))];
}

export function useJournalPrefs(): [
  JournalPrefs | undefined,
  (patch: Partial<JournalPrefs>) => Promise<void>,
] {
  const [prefs, update] = useStoredState(stored.journalPrefs);
  return [prefs, (patch) => update((current) => ({ ...current, ...patch }))];
}

/** Every journal entry, oldest first; updated as captures are recorded. */
export const useJournalEntries = (): JournalEntry[] | undefined => useStored(journalEntries);

/** The built-in catalogue with the user's lists and providers laid over it; the built-in one until read. */
export function useCatalogue(): Catalogue {
  const mapping = useStored(stored.mapping);
  return mapping ? applyMapping(mapping) : CATALOGUE;
}
