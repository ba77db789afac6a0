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
import { useLanguage } from './helpers/i18n';

afterEach(() => useLanguage('en'));

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
      error: { code: 'no-face' },
    });
    expect(failed.outcome).toBeUndefined();
    expect(statusText(failed)).toBe('No face was found. Face the camera in good light and try again.');
  });

  it('a correction replaces the opened link and mood in the status', () => {
    const done = popupReducer(ready, { type: 'capture-succeeded', outcome });
    const corrected = popupReducer(done, { type: 'corrected', pick: recommend('calm', 'music') });
    expect(statusText(corrected)).toBe('You look calm. Opened Spotify.');
  });

  it("keeps the result's journal entry through a correction, and takes a new one when the pick made one", () => {
    const saved = { status: 'saved', entryId: 'entry-1' } as const;
    const done = popupReducer(ready, { type: 'capture-succeeded', outcome: { ...outcome, journal: saved } });
    expect(done.journal).toEqual(saved);
    const corrected = popupReducer(done, { type: 'corrected', pick: recommend('calm', 'music') });
    expect(corrected.journal).toEqual(saved);
    const full = { status: 'failed', error: 'journal-full' } as const;
    expect(
      popupReducer(done, { type: 'corrected', pick: { ...recommend('sad', 'music'), journal: full } })
        .journal,
    ).toEqual(full);
    // A new capture starts without the old entry.
    expect(popupReducer(done, { type: 'capture-started' }).journal).toBeUndefined();
  });

  it('says the mood in the language of the browser', () => {
    const done = popupReducer(ready, { type: 'capture-succeeded', outcome });
    useLanguage('de');
    expect(statusText(done)).toBe('Du wirkst fröhlich. Spotify ist geöffnet.');
    useLanguage('es');
    expect(statusText(done)).toBe('Tu estado de ánimo parece feliz. Se abrió Spotify.');
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
