/** What learns from recommendation events, on the device: the bandit and the personal calibration. */
import { armKey, contextKey, withVerdict, type BanditState } from '../recommendation/bandit';
import { withCapture, withCorrection, type PersonalCalibration } from '../recommendation/personalCalibration';
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
 * Every capture is kept as an example of the camera's reading, ending as the mood shown until the
 * user says otherwise; a choice or correction sets the mood. A capture that asked counts once answered.
 */
export function calibrationLearner(
  stored: Pick<StoredValue<PersonalCalibration>, 'update'>,
): RecommendationListener {
  return {
    onCaptured: ({ captureId, camera, shown }) =>
      stored.update((state) => withCapture(state, captureId, camera.probabilities, shown ?? null)),
    onCorrected: ({ captureId, to }) => stored.update((state) => withCorrection(state, captureId, to)),
  };
}
