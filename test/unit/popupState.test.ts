import {
  captureRefOf,
  initialPopupState,
  isAsking,
  isSnapshotMoment,
  popupReducer,
  statusText,
  type PopupState,
} from '../../src/popup/state';
import { armsFor, CATALOGUE, recommendationFor } from '../../src/recommendation/catalogue';
import type { CaptureOutcome } from '../../src/protocol/messages';
import type { Mood } from '../../src/model/moods';
import type { Pick } from '../../src/recommendation/picks';
import { DEFAULT_SETTINGS } from '../../src/recommendation/settings';
import { useLanguage } from './helpers/i18n';

afterEach(() => useLanguage('en'));

const pickOf = (mood: Mood, source: Pick['source'], id = `pick-${mood}`): Pick => ({
  ...recommendationFor(armsFor(mood, 'music', 'match', 'spotify')[0]!, mood, 'music', 'match'),
  id,
  source,
  ...(source === 'manual' ? {} : { captureId: 'capture-1' }),
});

const probabilities = { calm: 0.1, angry: 0, sad: 0, happy: 0.9, surprised: 0 };
const outcome: CaptureOutcome = {
  result: {
    mood: 'happy',
    probabilities,
    faces: 2,
    face: { box: { x: 0, y: 0, width: 10, height: 10 }, crop: [] },
    frames: 3,
    timings: {},
  },
  captureId: 'capture-1',
  adjusted: { mood: 'happy', probabilities, changed: false },
  pick: pickOf('happy', 'camera'),
  cameraReleased: true,
  backend: { name: 'wasm' },
  timings: {},
  tensors: 500,
};
const unsureProbabilities = { calm: 0.4, angry: 0.05, sad: 0.38, happy: 0.12, surprised: 0.05 };
const unsureOutcome: CaptureOutcome = {
  ...outcome,
  result: { ...outcome.result, mood: 'calm', probabilities: unsureProbabilities },
  adjusted: { mood: 'calm', probabilities: unsureProbabilities, changed: false },
  unsure: ['calm', 'sad'],
  pick: undefined,
};

const ready = popupReducer(initialPopupState, {
  type: 'loaded',
  settings: DEFAULT_SETTINGS,
  catalogue: CATALOGUE,
  previews: false,
});

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
    expect(state.pick).toBe(outcome.pick);
    expect(statusText(state)).toBe('You look happy. Opened Spotify.');
  });

  it('keeps the latest preview frame only while counting down', () => {
    let state = popupReducer(ready, { type: 'capture-started' });
    expect(popupReducer(state, { type: 'preview', jpeg: 'AAAA' })).toBe(state); // camera still starting
    state = popupReducer(state, { type: 'stage', stage: 'countdown', secondsLeft: 3 });
    state = popupReducer(state, { type: 'preview', jpeg: 'AAAA' });
    state = popupReducer(state, { type: 'preview', jpeg: 'BBBB' });
    expect(state.preview).toBe('BBBB');
    state = popupReducer(state, { type: 'stage', stage: 'countdown', secondsLeft: 2 });
    expect(state.preview).toBe('BBBB'); // the next number keeps the picture
    state = popupReducer(state, { type: 'stage', stage: 'snapshot' });
    expect(state.preview).toBeUndefined();
    expect(popupReducer(state, { type: 'preview', jpeg: 'CCCC' })).toBe(state);
    const failed = popupReducer(
      popupReducer(popupReducer(ready, { type: 'capture-started' }), {
        type: 'stage',
        stage: 'countdown',
        secondsLeft: 1,
      }),
      { type: 'preview', jpeg: 'AAAA' },
    );
    expect(
      popupReducer(failed, { type: 'capture-failed', error: { code: 'cancelled' } }).preview,
    ).toBeUndefined();
  });

  it('ignores late progress after the result', () => {
    const done = popupReducer(popupReducer(ready, { type: 'capture-started' }), {
      type: 'capture-succeeded',
      outcome,
    });
    expect(popupReducer(done, { type: 'stage', stage: 'reading-mood' })).toBe(done);
  });

  it('shows the error message and clears an old result and choice', () => {
    const done = popupReducer(popupReducer(ready, { type: 'capture-succeeded', outcome }), {
      type: 'picked',
      pick: pickOf('sad', 'corrected'),
    });
    const failed = popupReducer(done, {
      type: 'capture-failed',
      error: { code: 'no-face' },
    });
    expect([failed.outcome, failed.pick, failed.chosen]).toEqual([undefined, undefined, undefined]);
    expect(statusText(failed)).toBe('No face was found. Face the camera in good light and try again.');
  });

  it('a correction replaces the opened link and says the mood was chosen; the reading stays', () => {
    const done = popupReducer(ready, { type: 'capture-succeeded', outcome });
    expect(captureRefOf(done)).toEqual({ id: 'capture-1', camera: 'happy', shown: 'happy', probabilities });
    const corrected = popupReducer(done, { type: 'picked', pick: pickOf('calm', 'corrected') });
    expect(corrected).toMatchObject({ outcome, chosen: 'calm', pick: { mood: 'calm' } });
    expect(statusText(corrected)).toBe('You chose calm. Opened Spotify.');
    // A second correction replaces the first, not the camera's.
    expect(captureRefOf(corrected)).toEqual({
      id: 'capture-1',
      camera: 'happy',
      shown: 'calm',
      probabilities,
    });
  });

  it('feedback belongs to the pick it was given on', () => {
    let state = popupReducer(ready, { type: 'capture-succeeded', outcome });
    state = popupReducer(state, { type: 'feedback-given', verdict: 'good-pick' });
    expect(state.verdict).toBe('good-pick');
    state = popupReducer(state, { type: 'picked', pick: pickOf('sad', 'corrected') });
    expect(state.verdict).toBeUndefined();
  });

  it('asks when unsure, until one of the two is picked', () => {
    const asking = popupReducer(ready, { type: 'capture-succeeded', outcome: unsureOutcome });
    expect(isAsking(asking)).toBe(true);
    expect(statusText(asking)).toBe('Moodtab is not sure: calm or sad? Pick one below.');
    expect(captureRefOf(asking)).toEqual({
      id: 'capture-1',
      camera: 'calm',
      probabilities: unsureProbabilities,
    });
    const answered = popupReducer(asking, { type: 'picked', pick: pickOf('sad', 'chosen') });
    expect(isAsking(answered)).toBe(false);
    expect(statusText(answered)).toBe('You chose sad. Opened Spotify.');
  });

  it('a pick without any capture says it was chosen', () => {
    const picked = popupReducer(ready, { type: 'picked', pick: pickOf('surprised', 'manual') });
    expect(captureRefOf(picked)).toBeUndefined();
    expect(statusText(picked)).toBe('You chose surprised. Opened Spotify.');
  });

  it("shows the journal outcome of what is on screen: the capture's, then each pick's", () => {
    const saved = { status: 'saved', entryId: 'capture-1' } as const;
    const done = popupReducer(ready, { type: 'capture-succeeded', outcome: { ...outcome, journal: saved } });
    expect(done.journal).toEqual(saved);
    const full = { status: 'failed', error: 'journal-full' } as const;
    const corrected = popupReducer(done, {
      type: 'picked',
      pick: { ...pickOf('calm', 'corrected'), journal: full },
    });
    expect(corrected.journal).toEqual(full);
    expect(corrected.pick).not.toHaveProperty('journal');
    // Feedback that reached the entry says so; a new capture starts without the old entry.
    const rated = popupReducer(corrected, { type: 'feedback-given', verdict: 'good-pick', journal: saved });
    expect(rated.journal).toEqual(saved);
    expect(popupReducer(done, { type: 'capture-started' }).journal).toBeUndefined();
  });

  it('says the mood, the choice and the question in the language of the browser', () => {
    const done = popupReducer(ready, { type: 'capture-succeeded', outcome });
    const chose = popupReducer(done, { type: 'picked', pick: pickOf('sad', 'corrected') });
    const asking = popupReducer(ready, { type: 'capture-succeeded', outcome: unsureOutcome });
    useLanguage('de');
    expect(statusText(done)).toBe('Du wirkst fröhlich. Spotify ist geöffnet.');
    expect(statusText(chose)).toBe('Du hast „traurig“ gewählt. Spotify ist geöffnet.');
    expect(statusText(asking)).toBe('Moodtab ist nicht sicher: ruhig oder traurig? Wähle unten eine davon.');
    useLanguage('es');
    expect(statusText(done)).toBe('Tu estado de ánimo parece feliz. Se abrió Spotify.');
    expect(statusText(asking)).toBe('Moodtab no está seguro: ¿tranquilo o triste? Elige uno abajo.');
  });

  it('offers nothing until the stored settings are read, then is ready with them', () => {
    expect(initialPopupState.phase).toBe('loading');
    expect(statusText(initialPopupState)).toBe('');
    const settings = { media: 'movies', strategy: 'lift', providers: {}, countdown: false } as const;
    const loaded = popupReducer(initialPopupState, {
      type: 'loaded',
      settings,
      catalogue: CATALOGUE,
      previews: true,
    });
    expect(loaded).toMatchObject({ phase: 'idle', settings, previews: true });
    expect(statusText(loaded)).toBe('Ready. The snapshot stays on this device.');
  });
});
