import {
  initialPopupState,
  isSnapshotMoment,
  popupReducer,
  statusText,
  type PopupState,
} from '../../src/popup/state';
import { recommend } from '../../src/shared/catalogue';
import type { CaptureOutcome } from '../../src/shared/messages';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const outcome: CaptureOutcome = {
  result: {
    mood: 'happy',
    probabilities: { calm: 0.1, angry: 0, sad: 0, happy: 0.9, surprised: 0 },
    faces: 2,
    face: { box: { x: 0, y: 0, width: 10, height: 10 }, crop: [] },
    frames: 3,
    timings: {},
  },
  recommendation: recommend('happy', 'music'),
  cameraReleased: true,
  backend: { name: 'wasm' },
  timings: {},
  tensors: 500,
};

const ready = popupReducer(initialPopupState, { type: 'settings-loaded', settings: DEFAULT_SETTINGS });

describe('popup state', () => {
  it('walks through a capture: working stages, then the result', () => {
    let state: PopupState = popupReducer(ready, { type: 'capture-started' });
    expect(statusText(state)).toBe('Starting the camera…');
    expect(isSnapshotMoment(state)).toBe(false);
    state = popupReducer(state, { type: 'stage', stage: 'countdown', secondsLeft: 3 });
    expect(statusText(state)).toBe('Look at the camera… 3');
    expect(isSnapshotMoment(state)).toBe(true);
    state = popupReducer(state, { type: 'stage', stage: 'countdown', secondsLeft: 1 });
    expect(statusText(state)).toBe('Look at the camera… 1');
    state = popupReducer(state, { type: 'stage', stage: 'snapshot' });
    expect(statusText(state)).toBe('Look at the camera…');
    expect(isSnapshotMoment(state)).toBe(true);
    state = popupReducer(state, { type: 'stage', stage: 'loading-models', progress: 0.42 });
    expect(statusText(state)).toBe('Loading the mood model… 42%');
    expect(isSnapshotMoment(state)).toBe(false);
    state = popupReducer(state, { type: 'stage', stage: 'reading-mood' });
    expect(statusText(state)).toBe('Reading your mood…');
    state = popupReducer(state, { type: 'capture-succeeded', outcome });
    expect(state.phase).toBe('done');
    expect(statusText(state)).toBe('You look happy. Opened Spotify.');
  });

  it('ignores late progress after the result', () => {
    const done = popupReducer(popupReducer(ready, { type: 'capture-started' }), {
      type: 'capture-succeeded',
      outcome,
    });
    expect(popupReducer(done, { type: 'stage', stage: 'reading-mood' })).toBe(done);
  });

  it('shows the error message and clears an old result', () => {
    const done = popupReducer(ready, { type: 'capture-succeeded', outcome });
    const failed = popupReducer(done, {
      type: 'capture-failed',
      error: { code: 'no-face', message: 'No face was found.' },
    });
    expect(failed.outcome).toBeUndefined();
    expect(statusText(failed)).toBe('No face was found.');
  });

  it('a correction replaces the opened link and mood in the status', () => {
    const done = popupReducer(ready, { type: 'capture-succeeded', outcome });
    const corrected = popupReducer(done, { type: 'corrected', recommendation: recommend('calm', 'music') });
    expect(statusText(corrected)).toBe('You look calm. Opened Spotify.');
  });

  it('offers nothing until the stored settings are read, then is ready with them', () => {
    expect(initialPopupState.phase).toBe('loading');
    expect(statusText(initialPopupState)).toBe('');
    const settings = { media: 'movies', strategy: 'lift', providers: {}, countdown: false } as const;
    const ready = popupReducer(initialPopupState, { type: 'settings-loaded', settings });
    expect(ready).toMatchObject({ phase: 'idle', settings });
    expect(statusText(ready)).toBe('Ready. The snapshot stays on this device.');
  });
});
