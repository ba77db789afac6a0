/**
 * Learning one person's face: a per-mood offset on the log-probabilities of the camera's reading,
 * fitted to the moods that person confirmed (kept, chose, corrected to, or made when asked to in
 * "Teach Moodtab your face"). Maximum a posteriori with a Gaussian prior on each offset:
 *
 *   maximise  sum_i log softmax(log p_i + b)[mood_i]  -  PRIOR_PRECISION / 2 * |b|^2
 *
 * An example may instead carry a soft target: a reading the person kept as shown says "this was
 * right as it was", so its target is the reading itself; such examples hold the offsets where they
 * are rather than pull them anywhere. The prior pulls the offsets to 0 with a fixed strength while
 * the evidence grows with every example, so a few examples move the reading a little and many may move it a lot (shrinkage
 * weighted by evidence, in place of a fixed clamp). Convex, so Newton's method finds the optimum
 * in a handful of 5x5 solves.
 */
import { MOODS, type Mood, type MoodProbabilities } from '../model/moods';

export interface LabelledReading {
  /** The camera's reading (the blend, before any personal offset). */
  probabilities: MoodProbabilities;
  /** The mood the person confirmed. */
  mood: Mood;
  /** A soft target in place of `mood` (a kept reading: the reading itself). */
  target?: MoodProbabilities;
}

export type MoodOffsets = Record<Mood, number>;

/**
 * Strength of the pull toward no offset, in examples' worth: chosen by leave-one-photo-out on
 * ../shared/realphoto-persons (npm run eval:personal; README "Learns your face").
 */
export const PRIOR_PRECISION = 1;
/** A guard against a runaway fit on contradictory examples, far outside what the data sets need. */
export const MAX_OFFSET = 4;
const FLOOR = 1e-6;

export const NO_OFFSETS: MoodOffsets = Object.fromEntries(MOODS.map((mood) => [mood, 0])) as MoodOffsets;

function softmax(logits: number[]): number[] {
  const top = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - top));
  const total = exps.reduce((s, e) => s + e, 0);
  return exps.map((e) => e / total);
}

const logs = (probabilities: MoodProbabilities) =>
  MOODS.map((mood) => Math.log(Math.max(probabilities[mood], FLOOR)));

/** Solves A x = b for a small dense symmetric positive definite A (Gaussian elimination). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    const pivot = m[col]![col]!;
    for (let row = col + 1; row < n; row++) {
      const factor = m[row]![col]! / pivot;
      for (let k = col; k <= n; k++) m[row]![k]! -= factor * m[col]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = m[row]![n]!;
    for (let k = row + 1; k < n; k++) sum -= m[row]![k]! * x[k]!;
    x[row] = sum / m[row]![row]!;
  }
  return x;
}

/** The offsets that best explain the person's examples under the prior (all 0 without examples). */
export function fitPersonalOffsets(
  examples: readonly LabelledReading[],
  precision = PRIOR_PRECISION,
): MoodOffsets {
  if (examples.length === 0) return { ...NO_OFFSETS };
  const data = examples.map(({ probabilities, mood, target }) => ({
    log: logs(probabilities),
    target: MOODS.map((m) => (target ? target[m] : m === mood ? 1 : 0)),
  }));
  const n = MOODS.length;
  let b = new Array<number>(n).fill(0);
  for (let iteration = 0; iteration < 30; iteration++) {
    const gradient = b.map((value) => -precision * value);
    const hessian = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? precision : 0)),
    );
    for (const { log, target } of data) {
      const q = softmax(log.map((z, i) => z + b[i]!));
      const weight = target.reduce((s, v) => s + v, 0);
      for (let i = 0; i < n; i++) {
        gradient[i]! += target[i]! - weight * q[i]!;
        for (let j = 0; j < n; j++) hessian[i]![j]! += weight * ((i === j ? q[i]! : 0) - q[i]! * q[j]!);
      }
    }
    const step = solve(hessian, gradient); // Newton: b + (-H)^-1 g, with -H positive definite
    b = b.map((value, i) => value + step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  // Only differences between offsets matter; centring them keeps the stored numbers small and comparable.
  const mean = b.reduce((s, v) => s + v, 0) / n;
  return Object.fromEntries(
    MOODS.map((mood, i) => [mood, Math.min(MAX_OFFSET, Math.max(-MAX_OFFSET, b[i]! - mean))]),
  ) as MoodOffsets;
}

/** The reading with the person's offsets applied: softmax(log p + b). */
export function applyOffsets(probabilities: MoodProbabilities, offsets: MoodOffsets): MoodProbabilities {
  // No offsets leave the reading exactly as read (a round trip through logs would add float noise).
  if (MOODS.every((mood) => offsets[mood] === 0)) return probabilities;
  const adjusted = softmax(logs(probabilities).map((z, i) => z + offsets[MOODS[i]!]));
  return Object.fromEntries(MOODS.map((mood, i) => [mood, adjusted[i]!])) as MoodProbabilities;
}
