import { MOODS, type Mood } from '../shared/moods';

export interface Evaluation {
  n: number;
  accuracy: number;
  macroF1: number;
  recall: Record<Mood, number>;
  /** confusion[actual][predicted] counts. */
  confusion: Record<Mood, Record<Mood, number>>;
}

const zeros = () => Object.fromEntries(MOODS.map((m) => [m, 0])) as Record<Mood, number>;

export function evaluate(pairs: { actual: Mood; predicted: Mood }[]): Evaluation {
  const confusion = Object.fromEntries(MOODS.map((m) => [m, zeros()])) as Evaluation['confusion'];
  for (const { actual, predicted } of pairs) confusion[actual][predicted]++;
  const recall = zeros();
  let f1Sum = 0;
  let correct = 0;
  for (const mood of MOODS) {
    const truePositives = confusion[mood][mood];
    const actualCount = MOODS.reduce((s, p) => s + confusion[mood][p], 0);
    const predictedCount = MOODS.reduce((s, a) => s + confusion[a][mood], 0);
    correct += truePositives;
    recall[mood] = actualCount ? truePositives / actualCount : 0;
    const precision = predictedCount ? truePositives / predictedCount : 0;
    f1Sum += precision + recall[mood] ? (2 * precision * recall[mood]) / (precision + recall[mood]) : 0;
  }
  return {
    n: pairs.length,
    accuracy: pairs.length ? correct / pairs.length : 0,
    macroF1: f1Sum / MOODS.length,
    recall,
    confusion,
  };
}

export function formatEvaluation(evaluation: Evaluation): string {
  const pad = (text: string | number, width = 10) => String(text).padStart(width);
  const lines = ['per-class recall:'];
  for (const mood of MOODS) lines.push(`  ${mood.padEnd(10)} ${(evaluation.recall[mood] * 100).toFixed(2)}%`);
  lines.push('confusion matrix (rows: actual, columns: predicted):');
  lines.push(pad('') + MOODS.map((m) => pad(m)).join(''));
  for (const actual of MOODS)
    lines.push(pad(actual) + MOODS.map((p) => pad(evaluation.confusion[actual][p])).join(''));
  return lines.join('\n');
}
