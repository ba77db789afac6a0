/**
 * The time limits nest: each message waits longer than the stages behind it, so a stage that hangs
 * is reported by its own error, not as a message that got no answer.
 */
import * as limits from '../../src/model/limits';
import { ROUND_TRIP_MS } from '../../src/protocol/messages';
import { MAX_COUNTDOWN_SECONDS } from '../../src/model/capture';

describe('time limits', () => {
  it('give a reading longer than its camera, countdown, model load and reading together', () => {
    const stages =
      limits.CAMERA_START_MS +
      limits.FIRST_FRAME_MS +
      MAX_COUNTDOWN_SECONDS * 1000 +
      limits.MODEL_LOAD_MS +
      limits.READING_MS;
    expect(ROUND_TRIP_MS.offscreen['recognize-mood']).toBeGreaterThan(stages + limits.CAPTURE_PAGE_WAIT_MS);
    expect(ROUND_TRIP_MS.background['capture-mood']).toBeGreaterThan(
      ROUND_TRIP_MS.offscreen['recognize-mood'],
    );
  });

  it('give a warm-up longer than the model load, through the background too', () => {
    expect(ROUND_TRIP_MS.offscreen['warm-up']).toBeGreaterThan(limits.MODEL_LOAD_MS);
    expect(ROUND_TRIP_MS.background['warm-up']).toBeGreaterThan(ROUND_TRIP_MS.offscreen['warm-up']);
  });

  it('give a photo its hand-over, the model load and a reading limit for each of its two reads, through the background too', () => {
    const stages =
      limits.CAPTURE_PAGE_WAIT_MS + limits.PHOTO_HAND_OVER_MS + limits.MODEL_LOAD_MS + 2 * limits.READING_MS;
    expect(ROUND_TRIP_MS.offscreen['read-photo']).toBeGreaterThan(stages);
    expect(ROUND_TRIP_MS.background['read-photo']).toBeGreaterThan(ROUND_TRIP_MS.offscreen['read-photo']);
  });

  it('give every message a limit of at least a few seconds', () => {
    const all = Object.values(ROUND_TRIP_MS).flatMap((byType) => Object.values(byType) as number[]);
    all.forEach((ms) => expect(ms).toBeGreaterThanOrEqual(5_000));
  });
});
