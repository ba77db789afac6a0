/**
 * What happens to recommendations, for whoever learns from it or keeps it: the bandit, the
 * personal calibration and the mood journal subscribe; the background emits. Each listener runs
 * whatever the others do, so a journal that cannot write does not stop the bandit learning.
 */
import type { Verdict } from './bandit';
import type { Mood, MoodProbabilities } from '../model/moods';
import type { Pick, PickRef } from './picks';

export interface CapturedEvent {
  captureId: string;
  /** Date.now() at the capture. */
  at: number;
  /** What the camera read (the model's probabilities, burst-averaged). */
  camera: { mood: Mood; probabilities: MoodProbabilities };
  /** After the personal adjustment: what decided the mood. */
  adjusted: { mood: Mood; probabilities: MoodProbabilities };
  /** The mood whose tab opened; absent when the popup asked the user to choose instead. */
  shown?: Mood;
  /** The two moods offered (popup) or hinted at with a "?" badge (shortcut), when unsure. */
  unsure?: [Mood, Mood];
}

/** A tab opened; pick.captureId names the capture it belongs to (camera, chosen, corrected). */
export interface PickedEvent {
  pick: Pick;
  at: number;
  /** The camera's reading of that capture (burst-averaged probabilities); absent for a manual pick. */
  reading?: MoodProbabilities;
}

/** The user chose a mood for a capture: between the two offered, or instead of the one shown. */
export interface CorrectedEvent {
  captureId: string;
  at: number;
  /** What the camera read, before the personal adjustment. */
  camera: Mood;
  /** The mood the capture had ended as; absent when nothing had opened (the popup had asked). */
  from?: Mood;
  to: Mood;
}

export interface FeedbackEvent {
  pick: PickRef;
  verdict: Verdict;
  /** The verdict given before on the same pick, now taken back. */
  replaces?: Verdict;
  at: number;
}

export interface RecommendationEventMap {
  captured: CapturedEvent;
  picked: PickedEvent;
  corrected: CorrectedEvent;
  feedback: FeedbackEvent;
}
export type RecommendationEventName = keyof RecommendationEventMap;

type HandlerName<K extends RecommendationEventName> = `on${Capitalize<K>}`;
const handlerName = <K extends RecommendationEventName>(name: K) =>
  `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as HandlerName<K>;

/**
 * A listener handles the events it names (onCaptured, onPicked, onCorrected, onFeedback); a
 * returned promise is awaited before the request that caused the event is answered.
 */
export type RecommendationListener = {
  [K in RecommendationEventName as HandlerName<K>]?: (
    event: RecommendationEventMap[K],
  ) => void | Promise<void>;
};

export interface RecommendationEvents {
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: RecommendationListener): () => void;
  /**
   * Calls every listener for the event and waits for all of them. Rejects with the first failure
   * once all have run (the others have still handled the event).
   */
  emit<K extends RecommendationEventName>(name: K, event: RecommendationEventMap[K]): Promise<void>;
}

export function createRecommendationEvents(): RecommendationEvents {
  const listeners = new Set<RecommendationListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async emit(name, event) {
      const results = await Promise.allSettled(
        [...listeners].map(async (listener) => {
          const handle = listener[handlerName(name)] as
            ((e: typeof event) => void | Promise<void>) | undefined;
          await handle?.(event);
        }),
      );
      const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
