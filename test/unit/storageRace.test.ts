/**
 * Two contexts writing one stored value: the service worker learning from a rating while the
 * options page resets what was learned, and pages answering the journal question while another
 * changes the retention. Each context opens the registry on the same storage, as the extension's
 * pages all open storage.local; the lock is shared as Web Locks are.
 */
import { banditLearner } from '../../src/background/learning';
import { armKey, contextKey, withVerdict, type BanditState } from '../../src/recommendation/bandit';
import { createRecommendationEvents } from '../../src/recommendation/recommendationEvents';
import type { StorageBackend } from '../../src/storage/backend';
import { BANDIT_KEY, JOURNAL_PREFS_KEY, openStoredState } from '../../src/storage/registry';
import { fakeLocks } from './helpers/locks';
import type { MemoryStorage } from './helpers/memoryStorage';
import { STORAGES } from './helpers/webMemoryStorage';

/** The backend under test: the describe below runs on every one the registry runs on. */
let memoryStorage: () => MemoryStorage;

const [mood, media, strategy] = ['sad', 'music', 'match'] as const;
const pick = { id: 'p1', mood, media, strategy, providerId: 'spotify', query: 'sad songs' };
const CONTEXT = contextKey(mood, media, strategy);
const ARM = armKey(pick.providerId, pick.query);
/** Ten "Good pick"s on the arm: what the user is about to forget. */
const TEN_GOOD: BanditState = Array.from({ length: 10 }).reduce<BanditState>(
  (state) => withVerdict(state, CONTEXT, ARM, 'good-pick'),
  {},
);

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rates the pick in the service worker and, once the rating has read the ratings but not yet
 * written them back, resets them in the options page. `optionsLocks`: the lock the options page
 * takes (the worker's, or one of its own as the old in-memory queue was). Returns what is stored.
 */
async function resetDuringRating(optionsLocks: 'shared' | 'its own'): Promise<unknown> {
  const storage = memoryStorage();
  storage.data.set(BANDIT_KEY, TEN_GOOD);
  let readDone!: () => void;
  const read = new Promise<void>((resolve) => (readDone = resolve));
  let resume!: () => void;
  const resumed = new Promise<void>((resolve) => (resume = resolve));
  const worker: StorageBackend = {
    ...storage,
    save: async (key, value) => {
      readDone();
      await resumed; // the rating has read, changed, and is about to write
      return storage.save(key, value);
    },
  };
  const options: StorageBackend =
    optionsLocks === 'shared' ? storage : { ...storage, exclusive: fakeLocks().exclusive };

  const events = createRecommendationEvents();
  events.subscribe(banditLearner(openStoredState(worker).bandit));
  const rating = events.emit('feedback', { pick, verdict: 'good-pick', at: 1 });
  await read;
  const reset = openStoredState(options).bandit.remove();
  await later(20); // time enough for the reset to land, if nothing holds it back
  resume();
  await Promise.all([rating, reset]);
  return storage.data.get(BANDIT_KEY);
}

describe.each(STORAGES)('one write path for all contexts, on %s', (_name, backend) => {
  beforeEach(() => {
    memoryStorage = backend;
  });

  it('without one lock across contexts, a rating in flight undoes a reset (the race of issue #23)', async () => {
    const stored = (await resetDuringRating('its own')) as BanditState;
    expect(stored[CONTEXT]![ARM]).toEqual({ good: 11, bad: 0 });
  });

  it('a reset in the options page is not undone by a rating in flight in the service worker', async () => {
    await expect(resetDuringRating('shared')).resolves.toBeUndefined();
  });

  it('journal preferences changed in several pages at once keep every change', async () => {
    const storage = memoryStorage();
    const [welcome, popup, options] = [1, 2, 3].map(() => openStoredState(storage));
    await Promise.all([
      welcome!.journalPrefs.update((prefs) => ({ ...prefs, enabled: true, asked: true })),
      options!.journalPrefs.update((prefs) => ({ ...prefs, retention: 30 })),
      popup!.journalPrefs.update((prefs) => ({ ...prefs, asked: true })),
    ]);
    expect(storage.data.get(JOURNAL_PREFS_KEY)).toEqual({ enabled: true, asked: true, retention: 30 });
  });
});
