/**
 * The mood journal, kept through the recommendation events (recommendationEvents.ts) like the
 * bandit and the personal calibration: when the user keeps a journal, each opened tab becomes an
 * entry (one per capture, under its captureId, or one per mood picked without a capture), a choice
 * or correction rewrites its capture's entry, and "Good pick" / "Not for me" lands on the entry of
 * the pick it rates. A journal that cannot be written never fails a request: the tab is open, the
 * bandit has learned, and takeOutcome says why the entry is missing.
 */
import { toErrorInfo } from '../common/errors';
import { entryIdOf, pickDraft, type JournalEntry, type JournalOutcome, type JournalPrefs } from './journal';
import type { JournalStore } from './journalStore';
import type { RecommendationListener } from '../recommendation/recommendationEvents';

export interface JournalRecorder {
  /** Subscribed to the recommendation events: onPicked writes entries, onFeedback rates them. */
  listener: RecommendationListener;
  /**
   * What the journal did for the pick with this id (the tab it opened, or feedback on it), once the
   * event has been emitted: saved, or failed and why. Undefined when the journal is off, or when
   * feedback found no entry (deleted or pruned meanwhile). Each outcome is handed out once.
   */
  takeOutcome(pickId: string): JournalOutcome | undefined;
}

export interface JournalRecorderDeps {
  loadPrefs(): Promise<JournalPrefs>;
  store: JournalStore;
}

/** Outcomes nobody took (a request that failed after its event) are not kept beyond this many. */
const MAX_PENDING = 20;

export function createJournalRecorder({ loadPrefs, store }: JournalRecorderDeps): JournalRecorder {
  const outcomes = new Map<string, JournalOutcome>();

  async function note(pickId: string, write: () => Promise<JournalEntry | undefined>): Promise<void> {
    let outcome: JournalOutcome | undefined;
    try {
      if (!(await loadPrefs()).enabled) return;
      const entry = await write();
      if (entry) outcome = { status: 'saved', entryId: entry.id };
    } catch (error) {
      outcome = { status: 'failed', error: toErrorInfo(error).code };
    }
    if (!outcome) return;
    outcomes.delete(pickId);
    outcomes.set(pickId, outcome);
    for (const stale of outcomes.keys()) {
      if (outcomes.size <= MAX_PENDING) break;
      outcomes.delete(stale);
    }
  }

  return {
    listener: {
      onPicked: ({ pick, reading }) =>
        note(pick.id, async () => {
          const draft = pickDraft(pick, reading);
          // A correction rewrites its capture's entry: the camera's reading stays, and the feedback
          // given before was about the tab the correction replaces. Gone meanwhile: a new entry.
          const { mood, source, media, provider, query } = draft;
          const corrected =
            source === 'corrected'
              ? await store.updateEntry(draft.id, {
                  mood,
                  source,
                  media,
                  provider,
                  query,
                  feedback: undefined,
                })
              : undefined;
          return corrected ?? store.recordEntry(draft);
        }),
      onFeedback: ({ pick, verdict }) =>
        note(pick.id, () => store.updateEntry(entryIdOf(pick), { feedback: verdict })),
    },
    takeOutcome(pickId) {
      const outcome = outcomes.get(pickId);
      outcomes.delete(pickId);
      return outcome;
    },
  };
}
