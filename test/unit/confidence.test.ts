import { confidenceBins, splitAt, thresholdWhereAccuracyFalls } from '../../src/node/confidenceBins';
import { LOW_CONFIDENCE_THRESHOLD, unsureBetween } from '../../src/model/confidence';

/** n samples at a confidence, `right` of them correct. */
const at = (confidence: number, n: number, right: number) =>
  Array.from({ length: n }, (_, i) => ({ confidence, correct: i < right }));

describe('confidence bins', () => {
  const samples = [
    ...at(0.32, 40, 10),
    ...at(0.47, 40, 22),
    ...at(0.52, 40, 26),
    ...at(0.9, 40, 39),
    ...at(1, 2, 2),
  ];

  it('counts accuracy per 0.05 bin, the top bin including 1', () => {
    const bins = confidenceBins(samples);
    expect(bins).toHaveLength(20);
    const filled = bins.filter((b) => b.n > 0).map((b) => [b.from, b.to, b.n, b.accuracy]);
    expect(filled).toEqual([
      [0.3, 0.35, 40, 0.25],
      [0.45, 0.5, 40, 0.55],
      [0.5, 0.55, 40, 0.65],
      [0.9, 0.95, 40, 0.975],
      [0.95, 1, 2, 1],
    ]);
  });

  it('puts the threshold at the top of the surest bin that falls under the accuracy asked', () => {
    const bins = confidenceBins(samples);
    expect(thresholdWhereAccuracyFalls(bins, 0.6)).toBe(0.5);
    expect(thresholdWhereAccuracyFalls(bins, 0.7)).toBe(0.55);
    expect(thresholdWhereAccuracyFalls(bins, 0.2)).toBe(0);
  });

  it('passes over bins too small to decide', () => {
    const bins = confidenceBins([...samples, ...at(0.72, 5, 0)]);
    expect(thresholdWhereAccuracyFalls(bins, 0.6, 30)).toBe(0.5);
    expect(thresholdWhereAccuracyFalls(bins, 0.6, 5)).toBe(0.75);
  });

  it('reports the share and accuracy on each side of a threshold', () => {
    const split = splitAt(samples, 0.5);
    expect(split.belowShare).toBeCloseTo(80 / 162, 10);
    expect(split.belowAccuracy).toBeCloseTo(32 / 80, 10);
    expect(split.aboveAccuracy).toBeCloseTo(67 / 82, 10);
  });
});

describe('unsureBetween', () => {
  it('offers the two likeliest moods below the threshold, nothing at or above it', () => {
    expect(unsureBetween({ calm: 0.38, angry: 0.05, sad: 0.41, happy: 0.1, surprised: 0.06 })).toEqual([
      'sad',
      'calm',
    ]);
    expect(unsureBetween({ calm: 0.1, angry: 0.05, sad: 0.05, happy: 0.8, surprised: 0 })).toBeUndefined();
    const edge = {
      calm: LOW_CONFIDENCE_THRESHOLD,
      angry: 1 - LOW_CONFIDENCE_THRESHOLD,
      sad: 0,
      happy: 0,
      surprised: 0,
    };
    expect(unsureBetween(edge)).toBeUndefined();
  });
});
