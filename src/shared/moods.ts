/** The five moods, in the classifier's output order (keep in sync with training/moods.py). */
import { isRecord } from './records';

export const MOODS = ['calm', 'angry', 'sad', 'happy', 'surprised'] as const;
export type Mood = (typeof MOODS)[number];
export type MoodProbabilities = Record<Mood, number>;

export const MEDIA_KINDS = ['music', 'movies', 'pictures'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** "match" plays to the mood; "lift" aims to improve it (a sad face gets feel-good picks). */
export const STRATEGIES = ['match', 'lift'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const isMood = (value: unknown): value is Mood => MOODS.includes(value as Mood);
export const isMediaKind = (value: unknown): value is MediaKind => MEDIA_KINDS.includes(value as MediaKind);
export const isStrategy = (value: unknown): value is Strategy => STRATEGIES.includes(value as Strategy);

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
