/** What the options page's sections share: the stored settings, journal preferences and entries, kept current. */
import { storageArea } from '../platform/browserApi';
import {
  JOURNAL_KEY,
  JOURNAL_PREFS_KEY,
  parseJournalPrefs,
  type JournalEntry,
  type JournalPrefs,
} from '../shared/journal';
import { createJournalStore, readEntries } from '../shared/journalStore';
import { mergeSettings, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { useStored, useStoredState } from '../ui/useStored';

/** The journal in storage.local, written under the same lock as the background's writes. */
export const journalStore = createJournalStore(storageArea);

/** The popup's choices (media, providers, match or lift, countdown); undefined until read. */
export function useSettings(): [Settings | undefined, (patch: Partial<Settings>) => Promise<void>] {
  const [settings, save] = useStoredState(SETTINGS_KEY, parseSettings);
  return [settings, (patch) => save(mergeSettings(settings ?? parseSettings(undefined), patch))];
}

export function useJournalPrefs(): [
  JournalPrefs | undefined,
  (patch: Partial<JournalPrefs>) => Promise<void>,
] {
  const [prefs, save] = useStoredState(JOURNAL_PREFS_KEY, parseJournalPrefs);
  return [prefs, (patch) => save({ ...(prefs ?? parseJournalPrefs(undefined)), ...patch })];
}

/** Every journal entry, oldest first; updated as captures are recorded. */
export const useJournalEntries = (): JournalEntry[] | undefined => useStored(JOURNAL_KEY, readEntries);
