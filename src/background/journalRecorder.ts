/**
 * Writes the journal entry for each tab Moodtab opens, when the user keeps a journal. A journal
 * that cannot be written never fails the capture: the tab is open, and the outcome says why the
 * entry is missing.
 */
import type { Recommendation } from '../shared/catalogue';
import { toErrorInfo } from '../shared/errors';
import {
  captureDraft,
  openedTab,
  type JournalEntry,
  type JournalOutcome,
  type JournalPrefs,
} from '../shared/journal';
import type { JournalStore } from '../shared/journalStore';
import type { MoodProbabilities } from '../shared/moods';

export interface JournalRecorder {
  /** After a capture opened `recommendation` for its reading. Undefined when the journal is off. */
  recordCapture(
    probabilities: MoodProbabilities,
    recommendation: Recommendation,
  ): Promise<JournalOutcome | undefined>;
  /**
   * After a mood picked by hand opened `recommendation`. `correcting`: the entry of the capture it
   * corrects, which then takes the picked mood and the new tab (and keeps the camera's probabilities).
   */
  recordPick(recommendation: Recommendation, correcting?: string): Promise<JournalOutcome | undefined>;
}

export interface JournalRecorderDeps {
  loadPrefs(): Promise<JournalPrefs>;
  store: JournalStore;
}

export function createJournalRecorder({ loadPrefs, store }: JournalRecorderDeps): JournalRecorder {
  async function whenEnabled(write: () => Promise<JournalEntry>): Promise<JournalOutcome | undefined> {
    try {
      if (!(await loadPrefs()).enabled) return undefined;
      return { status: 'saved', entryId: (await write()).id };
    } catch (error) {
      return { status: 'failed', error: toErrorInfo(error).code };
    }
  }

  return {
    recordCapture: (probabilities, recommendation) =>
      whenEnabled(() => store.recordEntry(captureDraft(probabilities, recommendation))),
    recordPick: (recommendation, correcting) =>
      whenEnabled(async () => {
        const tab = openedTab(recommendation);
        // The feedback was about the tab the correction replaces.
        const corrected = correcting
          ? await store.updateEntry(correcting, {
              mood: recommendation.mood,
              source: 'corrected',
              ...tab,
              feedback: undefined,
            })
          : undefined;
        return (
          corrected ??
          store.recordEntry({ mood: recommendation.mood, source: 'manual', probabilities: null, ...tab })
        );
      }),
  };
}
