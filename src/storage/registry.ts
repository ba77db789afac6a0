/**
 * Every value Moodtab keeps (in storage.local, in the extension), in one place: its key, type,
 * initial value, parser and owner. Read and write them only through `openStoredState` (its write path takes the key's
 * lock); README's storage list is checked against this table (test/unit/storageRegistry.test.ts).
 * To add one: a row here, a parser in its owner's folder, a line in README.
 */
import {
  DEFAULT_JOURNAL_PREFS,
  isJournalMonth,
  journalMonthOf,
  parseJournalPrefs,
  readEntries,
  type JournalEntry,
  type JournalPrefs,
} from '../journal/journal';
import { parseSeenFlags, type SeenFlags } from '../journal/patterns';
import { readBackendChoice, type StoredBackendChoice } from '../model/backend';
import { parseBanditState, type BanditState } from '../recommendation/bandit';
import { EMPTY_MAPPING, parseStoredMapping, type Mapping } from '../recommendation/mapping';
import {
  EMPTY_CALIBRATION,
  parseCalibration,
  type PersonalCalibration,
} from '../recommendation/personalCalibration';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../recommendation/settings';
import type { StorageBackend } from './backend';
import {
  bucketedList,
  isBucketedDefinition,
  type BucketedDefinition,
  type BucketedList,
} from './bucketedList';
import { storedValue, type KeyDefinition, type StoredValue } from './storedValue';

const define = <T>(definition: KeyDefinition<T>): KeyDefinition<T> => definition;
const defineBuckets = <T>(definition: BucketedDefinition<T>): BucketedDefinition<T> => definition;

export const STORED = {
  settings: define<Settings>({
    key: 'settings',
    owner: 'recommendation',
    parse: parseSettings,
    initial: DEFAULT_SETTINGS,
  }),
  backendChoice: define<StoredBackendChoice | undefined>({
    key: 'backendChoice',
    owner: 'model',
    parse: readBackendChoice,
    initial: undefined,
  }),
  mapping: define<Mapping>({
    key: 'mapping',
    owner: 'recommendation',
    parse: (raw) => parseStoredMapping(raw),
    initial: EMPTY_MAPPING,
  }),
  bandit: define<BanditState>({
    key: 'bandit',
    owner: 'recommendation',
    parse: parseBanditState,
    initial: {},
  }),
  personalCalibration: define<PersonalCalibration>({
    key: 'personalCalibration',
    owner: 'recommendation',
    parse: parseCalibration,
    initial: EMPTY_CALIBRATION,
  }),
  journalPrefs: define<JournalPrefs>({
    key: 'journalPrefs',
    owner: 'journal',
    parse: parseJournalPrefs,
    initial: DEFAULT_JOURNAL_PREFS,
  }),
  // One key per UTC month (`journal:2025-06`), listed in `journalMonths`: a capture writes its month only.
  journal: defineBuckets<JournalEntry>({
    key: 'journal',
    owner: 'journal',
    indexKey: 'journalMonths',
    bucketKey: (month) => `journal:${month}`,
    isBucket: isJournalMonth,
    bucketOf: journalMonthOf,
    parse: readEntries,
    initial: [],
  }),
  patternsSeen: define<SeenFlags>({
    key: 'patternsSeen',
    owner: 'journal',
    parse: parseSeenFlags,
    initial: {},
  }),
};

export type StoredName = keyof typeof STORED;
type Opened<D> =
  D extends BucketedDefinition<infer T>
    ? BucketedList<T>
    : D extends KeyDefinition<infer T>
      ? StoredValue<T>
      : never;
export type StoredState = { readonly [N in StoredName]: Opened<(typeof STORED)[N]> };

/** Every registered value on `backend`: the one way to read and write stored state. */
export function openStoredState(backend: StorageBackend): StoredState {
  const entries = Object.entries(STORED).map(([name, definition]) => [
    name,
    isBucketedDefinition(definition)
      ? bucketedList(backend, definition)
      : storedValue(backend, definition as KeyDefinition<unknown>),
  ]);
  return Object.fromEntries(entries) as StoredState;
}

/** The keys by name, for tests and tools that seed or inspect the storage itself. */
export const SETTINGS_KEY = STORED.settings.key;
export const BACKEND_CHOICE_KEY = STORED.backendChoice.key;
export const MAPPING_KEY = STORED.mapping.key;
export const BANDIT_KEY = STORED.bandit.key;
export const CALIBRATION_KEY = STORED.personalCalibration.key;
export const JOURNAL_PREFS_KEY = STORED.journalPrefs.key;
/** Where the whole journal was one value, before monthly buckets: moved on the first read or write. */
export const JOURNAL_KEY = STORED.journal.key;
export const JOURNAL_MONTHS_KEY = STORED.journal.indexKey;
export const PATTERNS_SEEN_KEY = STORED.patternsSeen.key;
