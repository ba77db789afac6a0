import { MOODS, topMood, type Mood, type MoodProbabilities } from '../../src/model/moods';
import {
  adjustmentFactors,
  adjustmentSummary,
  applyFactors,
  emptyCounts,
  isAdjusted,
  MAX_FACTOR,
  NO_ADJUSTMENT,
  parseCounts,
  withOutcome,
  type OutcomeCounts,
} from '../../src/recommendation/personalCalibration';
import { seededRandom } from '../../src/recommendation/bandit';

/** Adds `times` captures the camera read as `camera` that ended as `ended`. */
const add = (counts: OutcomeCounts, camera: Mood, ended: Mood, times: number) => {
  for (let i = 0; i < times; i++) counts = withOutcome(counts, camera, ended);
  return counts;
};

const reading: MoodProbabilities = { calm: 0.45, angry: 0.05, sad: 0.4, happy: 0.05, surprised: 0.05 };

describe('personal calibration', () => {
  it('changes nothing without corrections, also after many kept readings', () => {
    expect(adjustmentFactors(emptyCounts())).toEqual(NO_ADJUSTMENT);
    let counts = emptyCounts();
    for (const mood of MOODS) counts = add(counts, mood, mood, 50);
    expect(adjustmentFactors(counts)).toEqual(NO_ADJUSTMENT);
    expect(isAdjusted(adjustmentFactors(counts))).toBe(false);
  });

  it('moves the right way: calm read but sad meant raises sad and lowers calm', () => {
    const counts = add(add(emptyCounts(), 'calm', 'calm', 20), 'calm', 'sad', 3);
    const factors = adjustmentFactors(counts);
    expect(factors.sad).toBeGreaterThan(1);
    expect(factors.calm).toBeLessThan(1);
    expect(factors.happy).toBe(1);
    const adjusted = applyFactors(reading, factors);
    expect(adjusted.sad).toBeGreaterThan(reading.sad);
    expect(adjusted.calm).toBeLessThan(reading.calm);
    expect(topMood(adjusted)).toBe('sad'); // the near tie now goes the user's way
    expect(MOODS.reduce((s, m) => s + adjusted[m], 0)).toBeCloseTo(1, 10);
  });

  it('a single correction moves a little (about 10%), not all the way', () => {
    const factors = adjustmentFactors(withOutcome(emptyCounts(), 'calm', 'sad'));
    expect(factors.sad).toBeCloseTo(1.1, 6);
    expect(adjustmentSummary(factors)).toEqual([
      { mood: 'sad', percent: 10 },
      { mood: 'calm', percent: -9 },
    ]);
  });

  it('never goes past its bound, however many corrections, in any direction', () => {
    const random = seededRandom(11);
    let counts = emptyCounts();
    for (let i = 0; i < 5000; i++) {
      const camera = MOODS[Math.floor(random() * 2)]!; // mostly calm and angry read...
      const ended = MOODS[2 + Math.floor(random() * 3)]!; // ...and sad, happy, surprised meant
      counts = withOutcome(counts, camera, ended);
      const factors = adjustmentFactors(counts);
      for (const mood of MOODS) {
        expect(factors[mood]).toBeLessThanOrEqual(MAX_FACTOR);
        expect(factors[mood]).toBeGreaterThanOrEqual(1 / MAX_FACTOR);
      }
    }
    const factors = adjustmentFactors(counts);
    expect(factors.calm).toBeCloseTo(1 / MAX_FACTOR, 10);
    expect(factors.sad).toBeCloseTo(MAX_FACTOR, 10);
  });

  it('a correction of a correction moves the count, not adds one', () => {
    let counts = withOutcome(emptyCounts(), 'happy', 'happy'); // shown happy
    counts = withOutcome(counts, 'happy', 'sad', 'happy'); // corrected to sad
    counts = withOutcome(counts, 'happy', 'calm', 'sad'); // then to calm
    expect(counts.happy).toEqual({ calm: 1, angry: 0, sad: 0, happy: 0, surprised: 0 });
    // Taking back a count that is not there (after a reset) does not go negative.
    expect(withOutcome(emptyCounts(), 'sad', 'calm', 'sad').sad.sad).toBe(0);
  });

  it('parses stored counts, dropping anything malformed', () => {
    const counts = withOutcome(emptyCounts(), 'calm', 'sad');
    expect(parseCounts(JSON.parse(JSON.stringify(counts)))).toEqual(counts);
    expect(parseCounts({ calm: { sad: -1, happy: 2.5, bored: 3 }, toString: { sad: 1 } })).toEqual(
      emptyCounts(),
    );
    expect(parseCounts(null)).toEqual(emptyCounts());
  });

  it('leaves a reading alone when every factor is 1', () => {
    const same = applyFactors(reading, NO_ADJUSTMENT);
    for (const mood of MOODS) expect(same[mood]).toBeCloseTo(reading[mood], 12);
  });
});
