import { MOODS, topMood, type Mood, type MoodProbabilities } from '../model/moods';

export interface Scored {
  actual: Mood;
  /** The model's probabilities; the prediction is their top mood. Null: no face was found. */
  probabilities: MoodProbabilities | null;
}

export interface Evaluation {
  n: number;
  accuracy: number;
  macroF1: number;
  recall: Record<Mood, number>;
  /** confusion[actual][predicted] counts; faces not found are in `missed`, not here. */
  confusion: Record<Mood, Record<Mood, number>>;
  missed: number;
  /** Expected calibration error of the top probability, 15 equal-width bins (found faces only). */
  ece: number;
  /** Mean negative log-likelihood of the true mood (found faces only). */
  nll: number;
}

const zeros = () => Object.fromEntries(MOODS.map((m) => [m, 0])) as Record<Mood, number>;
export const ECE_BINS = 15;

/** Expected calibration error: |accuracy - confidence| per confidence bin, weighted by its share. */
export function expectedCalibrationError(
  samples: { confidence: number; correct: boolean }[],
  bins = ECE_BINS,
): number {
  const count = new Array<number>(bins).fill(0);
  const confidence = new Array<number>(bins).fill(0);
  const correct = new Array<number>(bins).fill(0);
  for (const sample of samples) {
    const bin = Math.min(bins - 1, Math.floor(sample.confidence * bins));
    count[bin]!++;
    confidence[bin]! += sample.confidence;
    correct[bin]! += sample.correct ? 1 : 0;
  }
  const total = samples.length || 1;
  return count.reduce((sum, n, b) => (n ? sum + Math.abs(correct[b]! - confidence[b]!) / total : sum), 0);
}

/** Accuracy, macro-F1, recall, confusion and calibration. A face not found counts as wrong. */
export function evaluate(samples: Scored[]): Evaluation {
  const confusion = Object.fromEntries(MOODS.map((m) => [m, zeros()])) as Evaluation['confusion'];
  const actualCount = zeros();
  const calibration: { confidence: number; correct: boolean }[] = [];
  let nllSum = 0;
  let missed = 0;
  for (const { actual, probabilities } of samples) {
    actualCount[actual]++;
    if (!probabilities) {
      missed++;
      continue;
    }
    const predicted = topMood(probabilities);
    confusion[actual][predicted]++;
    calibration.push({ confidence: probabilities[predicted], correct: predicted === actual });
    nllSum -= Math.log(Math.max(probabilities[actual], 1e-12));
  }
  const recall = zeros();
  let f1Sum = 0;
  let correct = 0;
  for (const mood of MOODS) {
    const truePositives = confusion[mood][mood];
    const predictedCount = MOODS.reduce((s, a) => s + confusion[a][mood], 0);
    correct += truePositives;
    recall[mood] = actualCount[mood] ? truePositives / actualCount[mood] : 0;
    const precision = predictedCount ? truePositives / predictedCount : 0;
    f1Sum += precision + recall[mood] ? (2 * precision * recall[mood]) / (precision + recall[mood]) : 0;
  }
  return {
    n: samples.length,
    accuracy: samples.length ? correct / samples.length : 0,
    macroF1: f1Sum / MOODS.length,
    recall,
    confusion,
    missed,
    ece: expectedCalibrationError(calibration),
    nll: calibration.length ? nllSum / calibration.length : NaN,
  };
}

const round = (value: number) => Number(value.toFixed(4));

/** The evaluation as the JSON figures the CLIs print on their last line. */
export function summarise(evaluation: Evaluation) {
  return {
    n: evaluation.n,
    accuracy: round(evaluation.accuracy),
    macro_f1: round(evaluation.macroF1),
    recall: Object.fromEntries(MOODS.map((m) => [m, round(evaluation.recall[m])])),
    confusion: MOODS.map((a) => MOODS.map((p) => evaluation.confusion[a][p])),
    ece: round(evaluation.ece),
    nll: round(evaluation.nll),
    ...(evaluation.missed ? { missed: evaluation.missed } : {}),
  };
}

export function formatEvaluation(title: string, evaluation: Evaluation): string {
  const pad = (text: string | number, width = 10) => String(text).padStart(width);
  const percent = (value: number) => `${(value * 100).toFixed(2)}%`;
  const lines = [
    `${title}: ${evaluation.n} faces, accuracy ${percent(evaluation.accuracy)}, macro-F1 ` +
      `${evaluation.macroF1.toFixed(3)}, ECE ${evaluation.ece.toFixed(3)}, NLL ${evaluation.nll.toFixed(3)}` +
      (evaluation.missed ? `, no face found in ${evaluation.missed}` : ''),
    '  per-class recall:',
  ];
  for (const mood of MOODS) lines.push(`    ${mood.padEnd(10)} ${percent(evaluation.recall[mood])}`);
  lines.push('  confusion matrix (rows: actual, columns: predicted):');
  lines.push('  ' + pad('') + MOODS.map((m) => pad(m)).join(''));
  for (const actual of MOODS)
    lines.push('  ' + pad(actual) + MOODS.map((p) => pad(evaluation.confusion[actual][p])).join(''));
  return lines.join('\n');
}
