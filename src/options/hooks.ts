/**
 * What the options page's sections share: the stored settings, the user's catalogue (their
 * mapping over the built-in one), journal preferences and entries, kept current.
 */
import { storageArea } from '../platform/browserApi';
import { CATALOGUE, type Catalogue } from '../recommendation/catalogue';
import {
  JOURNAL_KEY,
  JOURNAL_PREFS_KEY,
  parseJournalPrefs,
  type JournalEntry,
  type JournalPrefs,
} from '../journal/journal';
import { createJournalStore, readEntries } from '../journal/journalStore';
import { applyMapping, MAPPING_KEY, parseStoredMapping, type Mapping } from '../recommendation/mapping';
import { mergeSettings, parseSettings, SETTINGS_KEY, type Settings } from '../recommendation/settings';
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

const parseMapping = (raw: unknown): Mapping => parseStoredMapping(raw);

/** The built-in catalogue with the user's lists and providers laid over it; the built-in one until read. */
export function useCatalogue(): Catalogue {
  const mapping = useStored(MAPPING_KEY, parseMapping);
  return mapping ? applyMapping(mapping) : CATALOGUE;
}
