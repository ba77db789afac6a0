/** When a reading is too unsure to act on: the popup then asks, and the shortcut marks its badge. */
import { MOODS, type Mood, type MoodProbabilities } from './moods';

/**
 * Below this top probability the shipped model is right less than 60% of the time (FER2013
 * PublicTest against the FER+ majority; figures in README, Recommendations), so Moodtab asks
 * instead of opening a tab. A property of the model: re-measure after any model change with
 * `npm run confidence -- --data ../shared/fer2013/fer2013.csv.gz --usage PublicTest`.
 */
export const LOW_CONFIDENCE_THRESHOLD = 0.55;

/** The moods by probability, likeliest first. */
export const byLikelihood = (probabilities: MoodProbabilities): Mood[] =>
  [...MOODS].sort((a, b) => probabilities[b] - probabilities[a]);

/** The two likeliest moods when the likeliest is below the threshold; undefined when sure enough. */
export function unsureBetween(
  probabilities: MoodProbabilities,
  threshold = LOW_CONFIDENCE_THRESHOLD,
): [Mood, Mood] | undefined {
  const [first, second] = byLikelihood(probabilities) as [Mood, Mood];
  return probabilities[first] < threshold ? [first, second] : undefined;
}
