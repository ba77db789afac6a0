/** When a reading is too unsure to act on: the popup then asks, and the shortcut marks its badge. */
import { MOODS, type Mood, type MoodProbabilities } from './moods';

/**
 * Below this top probability the classifier is right less than 60% of the time, so Moodtab asks
 * ("Calm or sad?") instead of opening a tab. Chosen from data: the accuracy per top-probability
 * bin (0.05 wide) on FER2013 PublicTest, scored against the FER+ ten-annotator majority (closer to
 * what a person would say than FER2013's single labels), is the first to fall under 60% in the
 * 0.50-0.55 bin (53.0%; 0.55-0.60: 65.5%). 16.8% of PublicTest faces fall below it, read right
 * 52.2% of the time; those above, 88.2%. (Against FER2013's own labels the same rule gives 0.75,
 * which would ask about 40% of the time.) Measured on the shipped model (v2), flip-averaged as in
 * the extension; the extension averages a burst of 3 frames, which only makes readings steadier.
 * Re-measure after any model change and update this value:
 *
 *   npm run confidence -- --data ../shared/fer2013/fer2013.csv.gz --usage PublicTest
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
