/** What learns from recommendation events, on the device: the bandit and the personal calibration. */
import { armKey, contextKey, withVerdict, type BanditState } from '../recommendation/bandit';
import { withOutcome, type OutcomeCounts } from '../recommendation/personalCalibration';
import type { RecommendationListener } from '../recommendation/recommendationEvents';
import type { StoredValue } from '../storage/storedValue';

/** "Good pick" / "Not for me" rate the pick's (provider, query) arm in its (mood, media, strategy). */
export function banditLearner(stored: Pick<StoredValue<BanditState>, 'update'>): RecommendationListener {
  return {
    onFeedback: ({ pick, verdict, replaces }) =>
      stored.update((state) =>
        withVerdict(
          state,
          contextKey(pick.mood, pick.media, pick.strategy),
          armKey(pick.providerId, pick.query),
          verdict,
          replaces,
        ),
      ),
  };
}

/**
 * Every capture that opened a tab counts as (camera, shown) until the user says otherwise; a
 * choice or correction moves it to (camera, chosen). A capture that asked counts once answered.
 */
export function calibrationLearner(
  stored: Pick<StoredValue<OutcomeCounts>, 'update'>,
): RecommendationListener {
  return {
    onCaptured: ({ camera, shown }) =>
      shown ? stored.update((counts) => withOutcome(counts, camera.mood, shown)) : undefined,
    onCorrected: ({ camera, from, to }) => stored.update((counts) => withOutcome(counts, camera, to, from)),
  };
}
