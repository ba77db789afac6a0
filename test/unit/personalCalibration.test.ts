import {
  adjustmentSummary,
  calibrationOffsets,
  EMPTY_CALIBRATION,
  examplesCount,
  isAdjusted,
  MAX_CAPTURE_EXAMPLES,
  parseCalibration,
  taughtMoods,
  withCapture,
  withCorrection,
  withTaught,
  type PersonalCalibration,
} from '../../src/recommendation/personalCalibration';
import { applyOffsets } from '../../src/recommendation/personalFit';
import { topMood, type MoodProbabilities } from '../../src/model/moods';

/** A face the camera reads as mostly calm, a little sad. */
const subtleSad: MoodProbabilities = { calm: 0.6, angry: 0.05, sad: 0.25, happy: 0.05, surprised: 0.05 };
const captures = (count: number, start = 0): PersonalCalibration =>
  Array.from({ length: count }, (_, i) => i + start).reduce(
    (state, i) => withCapture(state, `c${i}`, subtleSad, 'calm'),
    EMPTY_CALIBRATION,
  );

describe('personal calibration', () => {
  it('is not adjusted without examples', () => {
    expect(isAdjusted(calibrationOffsets(EMPTY_CALIBRATION))).toBe(false);
  });

  it('readings kept as shown hold the reading where it is: no drift toward what is common', () => {
    const offsets = calibrationOffsets(captures(60));
    expect(adjustmentSummary(offsets)).toEqual([]);
  });

  it('corrections pull toward the mood the user meant, against the kept readings', () => {
    let state = captures(10);
    for (const id of ['c0', 'c1', 'c2', 'c3', 'c4', 'c5']) state = withCorrection(state, id, 'sad');
    const adjusted = applyOffsets(subtleSad, calibrationOffsets(state));
    expect(topMood(adjusted)).toBe('sad');
    expect(adjustmentSummary(calibrationOffsets(state))[0]).toMatchObject({ mood: 'sad' });
  });

  it('a capture that asked counts once answered, and a correction of a correction replaces it', () => {
    let state = withCapture(EMPTY_CALIBRATION, 'c1', subtleSad, null);
    expect(examplesCount(state)).toBe(0);
    state = withCorrection(state, 'c1', 'sad');
    state = withCorrection(state, 'c1', 'angry');
    expect(state.examples).toEqual([{ id: 'c1', probabilities: subtleSad, mood: 'angry', confirmed: true }]);
  });

  it('keeps the taught faces and the newest captures, rounded to 3 decimals', () => {
    let state = withTaught(EMPTY_CALIBRATION, 'sad', { ...subtleSad, calm: 0.60004 });
    state = captures(MAX_CAPTURE_EXAMPLES + 5).examples.reduce(
      (s, e) => withCapture(s, e.id, e.probabilities, e.mood),
      state,
    );
    expect(state.examples).toHaveLength(MAX_CAPTURE_EXAMPLES + 1);
    expect(state.examples[0]).toMatchObject({ id: 'taught-sad', confirmed: true, mood: 'sad' });
    expect(state.examples[0]!.probabilities.calm).toBe(0.6);
    expect(state.examples[1]!.id).toBe('c5');
    expect(taughtMoods(state)).toEqual(['sad']);
    // Teaching the same mood again replaces the earlier prompt.
    expect(taughtMoods(withTaught(state, 'sad', subtleSad))).toEqual(['sad']);
  });

  it('reads what storage held: examples checked one by one, earlier counts converted, junk refused', () => {
    const good = { id: 'c1', probabilities: subtleSad, mood: 'sad', confirmed: true };
    expect(
      parseCalibration({ examples: [good, { ...good, id: '' }, { ...good, mood: 'bored' }, 'x', null] }),
    ).toEqual({ examples: [good] });
    expect(parseCalibration('nonsense')).toEqual({ examples: [] });
    const none = { calm: 0, angry: 0, sad: 0, happy: 0, surprised: 0 };
    const converted = parseCalibration({ calm: { ...none, calm: 2, sad: 1 } });
    expect(converted.examples.map(({ mood, confirmed }) => [mood, confirmed])).toEqual([
      ['calm', false],
      ['calm', false],
      ['sad', true],
    ]);
  });
});
