/**
 * The web app's mood journal: the extension's journal recorder (src/journal/journalRecorder.ts) on
 * the web storage, hearing the app's picks and ratings as the background's recorder hears the
 * extension's. It writes only while the user keeps a journal; a write that fails never stops the
 * pick (the link is there) and is reported by takeOutcome.
 */
import { createJournalRecorder } from '../journal/journalRecorder';
import { createJournalStore } from '../journal/journalStore';
import type { ErrorCode } from '../common/errors';
import type { MoodProbabilities } from '../model/moods';
import type { Verdict } from '../recommendation/bandit';
import { pickRefOf, type Pick } from '../recommendation/picks';
import { createRecommendationEvents } from '../recommendation/recommendationEvents';
import { stored } from './stored';

const recorder = createJournalRecorder({
  loadPrefs: () => stored.journalPrefs.load(),
  store: createJournalStore(stored),
});
const events = createRecommendationEvents();
events.subscribe(recorder.listener);

/** Notes the pick in the journal (when kept); resolves to the write's failure code, if any. */
export async function notePick(pick: Pick, reading?: MoodProbabilities): Promise<ErrorCode | undefined> {
  await events.emit('picked', { pick, at: Date.now(), ...(reading ? { reading } : {}) });
  const outcome = recorder.takeOutcome(pick.id);
  return outcome?.status === 'failed' ? outcome.error : undefined;
}

/** Puts "Good pick" / "Not for me" on the pick's entry (when kept). */
export async function noteVerdict(pick: Pick, verdict: Verdict, replaces?: Verdict): Promise<void> {
  await events.emit('feedback', {
    pick: pickRefOf(pick),
    verdict,
    at: Date.now(),
    ...(replaces ? { replaces } : {}),
  });
  recorder.takeOutcome(pick.id);
}
