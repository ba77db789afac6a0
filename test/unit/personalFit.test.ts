import fc from 'fast-check';
import {
  applyOffsets,
  fitPersonalOffsets,
  MAX_OFFSET,
  NO_OFFSETS,
} from '../../src/recommendation/personalFit';
import { MOODS, topMood, type Mood, type MoodProbabilities } from '../../src/model/moods';

const reading = (values: number[]): MoodProbabilities => {
  const total = values.reduce((s, v) => s + v, 0);
  return Object.fromEntries(MOODS.map((mood, i) => [mood, values[i]! / total])) as MoodProbabilities;
};
/** A face the camera reads as mostly calm, a little sad. */
const subtleSad = reading([0.6, 0.05, 0.25, 0.05, 0.05]);
const examples = (mood: Mood, count: number) =>
  Array.from({ length: count }, () => ({ probabilities: subtleSad, mood }));

describe('personal offsets', () => {
  it('are all zero without examples, and leave the reading as it was', () => {
    expect(fitPersonalOffsets([])).toEqual(NO_OFFSETS);
    const same = applyOffsets(subtleSad, NO_OFFSETS);
    MOODS.forEach((mood) => expect(same[mood]).toBeCloseTo(subtleSad[mood], 10));
  });

  it('move further with more evidence: one correction part of the way, six well past it', () => {
    const afterOne = applyOffsets(subtleSad, fitPersonalOffsets(examples('sad', 1)));
    const afterSix = applyOffsets(subtleSad, fitPersonalOffsets(examples('sad', 6)));
    expect(afterOne.sad).toBeGreaterThan(subtleSad.sad);
    expect(afterOne.sad).toBeLessThan(0.5);
    expect(afterSix.sad).toBeGreaterThan(afterOne.sad + 0.2);
    expect(topMood(afterSix)).toBe('sad');
  });

  it('go past the old x1.5 clamp when the evidence is strong', () => {
    const adjusted = applyOffsets(subtleSad, fitPersonalOffsets(examples('sad', 30)));
    expect(adjusted.sad / adjusted.calm).toBeGreaterThan(1.5 * 1.5 * (subtleSad.sad / subtleSad.calm));
  });

  it('leave a reading the person keeps confirming where it is', () => {
    const offsets = fitPersonalOffsets(examples('calm', 10));
    expect(topMood(applyOffsets(subtleSad, offsets))).toBe('calm');
  });

  it('stay bounded, centred and finite for any examples', () => {
    const probabilities = fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 })
      .filter((values) => values.reduce((s, v) => s + v, 0) > 1e-3)
      .map(reading);
    fc.assert(
      fc.property(
        fc.array(fc.record({ probabilities, mood: fc.constantFrom(...MOODS) }), { maxLength: 40 }),
        (list) => {
          const offsets = fitPersonalOffsets(list);
          const values = MOODS.map((mood) => offsets[mood]);
          expect(values.every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_OFFSET)).toBe(true);
          expect(Math.abs(values.reduce((s, v) => s + v, 0))).toBeLessThan(
            1e-6 + (list.length ? 2 * MAX_OFFSET : 0),
          );
        },
      ),
    );
  });
});

describe('personal offsets with soft targets', () => {
  it('a reading kept as shown (its own target) holds the offsets at zero', () => {
    const kept = Array.from({ length: 20 }, () => ({
      probabilities: subtleSad,
      mood: 'calm' as const,
      target: subtleSad,
    }));
    const offsets = fitPersonalOffsets(kept);
    MOODS.forEach((mood) => expect(Math.abs(offsets[mood])).toBeLessThan(1e-6));
  });
});
