/**
 * Personal calibration: the model was calibrated on FER2013's faces, not on you. Each capture counts
 * as (what the camera read, what it ended as), and each mood's prior is scaled by the label-shift
 * factor (ended as m + K) / (read as m + K), within [1/MAX_FACTOR, MAX_FACTOR]. Only these 25 counts
 * are stored: no times, no images.
 */
import { isMood, MOODS, type Mood, type MoodProbabilities } from '../model/moods';

/** counts[camera][ended]: captures the camera read as `camera` that ended as `ended`. */
export type OutcomeCounts = Record<Mood, Record<Mood, number>>;
/** Multiplier per mood applied to the camera's probabilities before they are normalised again. */
export type MoodFactors = Record<Mood, number>;

/** Pseudo-counts per mood: one correction moves a factor by about 10%; five the same way reach the bound. */
export const PSEUDO_COUNT = 10;
/** No mood's prior is ever raised or lowered by more than this factor. */
export const MAX_FACTOR = 1.5;
/** Changes smaller than this (in percent) are not worth showing or applying. */
const SHOWN_PERCENT = 1;

const row = (): Record<Mood, number> =>
  Object.fromEntries(MOODS.map((mood) => [mood, 0])) as Record<Mood, number>;
export const emptyCounts = (): OutcomeCounts =>
  Object.fromEntries(MOODS.map((mood) => [mood, row()])) as OutcomeCounts;
export const NO_ADJUSTMENT: MoodFactors = Object.fromEntries(MOODS.map((mood) => [mood, 1])) as MoodFactors;

/**
 * The counts with one capture's outcome added. `replaces`: the mood this capture had ended as
 * before (a correction of a correction, or of the mood shown), whose count is taken back.
 */
export function withOutcome(
  counts: OutcomeCounts,
  camera: Mood,
  ended: Mood,
  replaces?: Mood,
): OutcomeCounts {
  const next = Object.fromEntries(MOODS.map((mood) => [mood, { ...counts[mood] }])) as OutcomeCounts;
  if (replaces) next[camera][replaces] = Math.max(0, next[camera][replaces] - 1);
  next[camera][ended] += 1;
  return next;
}

const clamp = (value: number) => Math.min(MAX_FACTOR, Math.max(1 / MAX_FACTOR, value));

/** The per-mood prior factors the counts support, each within [1/MAX_FACTOR, MAX_FACTOR]. */
export function adjustmentFactors(counts: OutcomeCounts): MoodFactors {
  return Object.fromEntries(
    MOODS.map((mood) => {
      const readAs = MOODS.reduce((sum, ended) => sum + counts[mood][ended], 0);
      const endedAs = MOODS.reduce((sum, camera) => sum + counts[camera][mood], 0);
      return [mood, clamp((endedAs + PSEUDO_COUNT) / (readAs + PSEUDO_COUNT))];
    }),
  ) as MoodFactors;
}

/** The camera's probabilities with the factors applied and normalised to sum to 1. */
export function applyFactors(probabilities: MoodProbabilities, factors: MoodFactors): MoodProbabilities {
  const weighted = MOODS.map((mood) => probabilities[mood] * factors[mood]);
  const total = weighted.reduce((sum, value) => sum + value, 0);
  if (!(total > 0)) return probabilities;
  return Object.fromEntries(MOODS.map((mood, i) => [mood, weighted[i]! / total])) as MoodProbabilities;
}

/** The factors worth telling the user about, as whole percent changes, largest first ("sad +12%"). */
export function adjustmentSummary(factors: MoodFactors): { mood: Mood; percent: number }[] {
  return MOODS.map((mood) => ({ mood, percent: Math.round((factors[mood] - 1) * 100) }))
    .filter(({ percent }) => Math.abs(percent) >= SHOWN_PERCENT)
    .sort((a, b) => Math.abs(b.percent) - Math.abs(a.percent));
}

export const isAdjusted = (factors: MoodFactors): boolean => adjustmentSummary(factors).length > 0;

const MAX_COUNT = 1e6;

/** Whatever storage held, keeping only well-formed counts. */
export function parseCounts(raw: unknown): OutcomeCounts {
  const counts = emptyCounts();
  if (typeof raw !== 'object' || raw === null) return counts;
  for (const [camera, ended] of Object.entries(raw)) {
    if (!isMood(camera) || typeof ended !== 'object' || ended === null) continue;
    for (const [mood, count] of Object.entries(ended as Record<string, unknown>)) {
      if (
        isMood(mood) &&
        typeof count === 'number' &&
        Number.isInteger(count) &&
        count >= 0 &&
        count <= MAX_COUNT
      )
        counts[camera][mood] = count;
    }
  }
  return counts;
}
