/** The five moods, in the classifier's output order (keep in sync with training/moods.py). */
import { isRecord } from '../common/records';

export const MOODS = ['calm', 'angry', 'sad', 'happy', 'surprised'] as const;
export type Mood = (typeof MOODS)[number];
export type MoodProbabilities = Record<Mood, number>;

export const isMood = (value: unknown): value is Mood => MOODS.includes(value as Mood);

/** Exactly the five moods, each a probability in [0, 1]. */
export const isMoodProbabilities = (value: unknown): value is MoodProbabilities =>
  isRecord(value) &&
  Object.keys(value).length === MOODS.length &&
  MOODS.every((mood) => {
    const p = Object.hasOwn(value, mood) ? value[mood] : undefined;
    return typeof p === 'number' && Number.isFinite(p) && p >= 0 && p <= 1;
  });

export function probabilitiesFromArray(values: ArrayLike<number>): MoodProbabilities {
  if (values.length !== MOODS.length) {
    throw new Error(`Expected ${MOODS.length} mood probabilities, got ${values.length}`);
  }
  return Object.fromEntries(MOODS.map((mood, i) => [mood, values[i]])) as MoodProbabilities;
}

export function topMood(probabilities: MoodProbabilities): Mood {
  return MOODS.reduce((best, mood) => (probabilities[mood] > probabilities[best] ? mood : best), MOODS[0]);
}
