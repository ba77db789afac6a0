/**
 * How often the classifier is right at a given top probability: the data behind the popup's
 * low-confidence threshold (src/model/confidence.ts), measured by `npm run confidence`.
 */
export interface ConfidenceSample {
  /** The top mood's probability. */
  confidence: number;
  correct: boolean;
}

export interface ConfidenceBin {
  /** Top probabilities in [from, to). */
  from: number;
  to: number;
  n: number;
  correct: number;
  /** correct / n; NaN for an empty bin. */
  accuracy: number;
}

/** Equal-width bins of the top probability over [0, 1]; the last bin includes 1. */
export function confidenceBins(samples: readonly ConfidenceSample[], width = 0.05): ConfidenceBin[] {
  const count = Math.round(1 / width);
  const bins = Array.from({ length: count }, (_, i) => ({
    from: Number((i * width).toFixed(6)),
    to: Number(((i + 1) * width).toFixed(6)),
    n: 0,
    correct: 0,
    accuracy: NaN,
  }));
  for (const { confidence, correct } of samples) {
    const bin = bins[Math.min(count - 1, Math.max(0, Math.floor(confidence / width)))]!;
    bin.n++;
    if (correct) bin.correct++;
  }
  for (const bin of bins) bin.accuracy = bin.n ? bin.correct / bin.n : NaN;
  return bins;
}

/**
 * The lowest top probability from which the classifier is right at least `minAccuracy` of the
 * time: scanning down from the surest bin, the upper edge of the first bin whose accuracy falls
 * below it. Bins with fewer than `minCount` faces are too noisy to decide and are passed over.
 * 0 when no bin falls below (never ask).
 */
export function thresholdWhereAccuracyFalls(
  bins: readonly ConfidenceBin[],
  minAccuracy = 0.6,
  minCount = 30,
): number {
  for (let i = bins.length - 1; i >= 0; i--) {
    const bin = bins[i]!;
    if (bin.n >= minCount && bin.accuracy < minAccuracy) return bin.to;
  }
  return 0;
}

/** Accuracy and share of the samples below and at/above a threshold. */
export function splitAt(samples: readonly ConfidenceSample[], threshold: number) {
  const below = samples.filter((s) => s.confidence < threshold);
  const above = samples.filter((s) => s.confidence >= threshold);
  const accuracy = (list: readonly ConfidenceSample[]) =>
    list.length ? list.filter((s) => s.correct).length / list.length : NaN;
  return {
    belowShare: samples.length ? below.length / samples.length : 0,
    belowAccuracy: accuracy(below),
    aboveAccuracy: accuracy(above),
  };
}
