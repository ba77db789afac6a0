/**
 * The web app's own parts: its language choice and t(), its pick for a mood, and its screen's
 * states (its storage: webStorage.test.ts).
 */
import type { RecognitionResult } from '../../src/model/recognition';
import { contextKey, armKey, seededRandom } from '../../src/recommendation/bandit';
import { armsFor, CATALOGUE } from '../../src/recommendation/catalogue';
import { DEFAULT_SETTINGS } from '../../src/recommendation/settings';
import type { CaptureService } from '../../src/capture/captureService';
import { hasTwoCameras, oneReadingAtATime, withFacing } from '../../src/web/engine';
import { chooseLocale, t } from '../../src/web/i18n';
import { fileProblem, fitScale, MAX_PHOTO_MB } from '../../src/web/photo';
import { asPick, handPickSource } from '../../src/web/picks';
import { recommend } from '../../src/web/recommend';
import { initialWebState, statusText, webReducer, type WebState } from '../../src/web/state';

describe('web i18n', () => {
  it("picks the first of the user's languages that Moodtab ships, by language, else English", () => {
    expect(chooseLocale(['fr-FR', 'de-AT', 'es'])).toBe('de');
    expect(chooseLocale(['es-419'])).toBe('es');
    expect(chooseLocale(['not a tag', 'ja'])).toBe('en');
    expect(chooseLocale([])).toBe('en');
  });

  it('formats the bundled catalogue as the browser would', () => {
    expect(t('web_open', 'Spotify', 'sad songs')).toBe('Open Spotify: sad songs');
    expect(t('percent', 42)).toBe('42%');
  });
});

describe('the pick for a mood', () => {
  it("is one of the mood's searches with the chosen provider, and follows the ratings", () => {
    const settings = { ...DEFAULT_SETTINGS, media: 'movies' as const, providers: { movies: 'imdb' } };
    const arms = armsFor('sad', 'movies', 'match', 'imdb');
    const [liked] = arms;
    const bandit = {
      [contextKey('sad', 'movies', 'match')]: {
        [armKey(liked!.provider.id, liked!.query)]: { good: 40, bad: 0 },
      },
    };
    const random = seededRandom(7);
    const picks = Array.from({ length: 20 }, () => recommend('sad', settings, CATALOGUE, bandit, random));
    for (const pick of picks) {
      expect(pick.provider.id).toBe('imdb');
      expect(arms.map((arm) => arm.query)).toContain(pick.query);
      expect(pick.url.startsWith('https://')).toBe(true);
    }
    expect(picks.filter((pick) => pick.query === liked!.query).length).toBeGreaterThan(15);
  });
});

const reading = (happy: number): RecognitionResult => ({
  mood: 'happy',
  probabilities: { calm: (1 - happy) / 2, angry: 0, sad: (1 - happy) / 2, happy, surprised: 0 },
  faces: 1,
  face: { box: { x: 0, y: 0, width: 100, height: 100 }, crop: [] },
  frames: 3,
  timings: {},
});

describe("the web app's screen", () => {
  const loaded = webReducer(initialWebState, {
    type: 'loaded',
    settings: DEFAULT_SETTINGS,
    catalogue: CATALOGUE,
  });
  const pick = asPick(recommend('happy', DEFAULT_SETTINGS, CATALOGUE, {}, seededRandom(1)), 'camera', 'c1');

  it('says what a capture is doing, then what it read', () => {
    let state: WebState = webReducer(loaded, { type: 'capture-started' });
    state = webReducer(state, { type: 'stage', stage: 'countdown', secondsLeft: 2 });
    expect(statusText(state)).toBe('Look at the camera… 2');
    state = webReducer(state, { type: 'read', reading: reading(0.9), captureId: 'c1', pick });
    expect(statusText(state)).toBe('You look happy.');
    // Progress that arrives after the result does not hide it.
    expect(webReducer(state, { type: 'stage', stage: 'reading-mood' })).toBe(state);
  });

  it('asks when unsure, and a hand pick keeps the reading under it', () => {
    let state = webReducer(loaded, {
      type: 'read',
      reading: reading(0.4),
      captureId: 'c2',
      fromPhoto: false,
      unsure: ['happy', 'calm'],
    });
    expect(statusText(state)).toBe('Moodtab is not sure: happy or calm? Pick one below.');
    const calm = asPick(recommend('calm', DEFAULT_SETTINGS, CATALOGUE, {}, seededRandom(1)), 'chosen', 'c2');
    state = webReducer(state, { type: 'picked', pick: calm });
    expect(state).toMatchObject({
      chosen: 'calm',
      pick: calm,
      reading: reading(0.4),
      captureId: 'c2',
      fromPhoto: false,
    });
    expect(statusText(state)).toBe('You chose calm.');
    // The pick stands when only its journal entry could not be written.
    state = webReducer(state, { type: 'journal-failed', error: 'journal-full' });
    expect(state).toMatchObject({ pick: calm, journalError: 'journal-full' });
    expect(webReducer(state, { type: 'capture-started' }).journalError).toBeUndefined();
  });

  it('notes how a hand-picked mood was decided, and which capture it belongs to', () => {
    expect(handPickSource(false, false)).toBe('manual');
    expect(handPickSource(true, false)).toBe('chosen');
    expect(handPickSource(true, true)).toBe('corrected');
    const manual = asPick(pick, 'manual');
    expect(manual).not.toHaveProperty('captureId');
    expect(manual.id).not.toBe(asPick(pick, 'manual').id);
    expect(asPick(pick, 'corrected', 'c1')).toMatchObject({
      source: 'corrected',
      captureId: 'c1',
      query: pick.query,
    });
  });

  it('shows the error of a failed capture', () => {
    const state = webReducer(loaded, { type: 'capture-failed', error: { code: 'no-face' } });
    expect(statusText(state)).toBe(t('error_noFace'));
  });
});

describe('a photo file', () => {
  const MB = 1024 * 1024;

  it('is refused before decoding when it is not an image, or too big, with what to say', () => {
    expect(fileProblem({ type: 'text/plain', size: 11 })).toMatchObject({ key: 'web_photoNotImage' });
    expect(fileProblem({ type: 'image/jpeg', size: 30.2 * MB })).toMatchObject({
      key: 'web_photoTooBig',
      subs: [31, MAX_PHOTO_MB],
    });
    expect(fileProblem({ type: 'image/jpeg', size: MAX_PHOTO_MB * MB })).toBeUndefined();
    // No type (some pickers and pastes give none): the browser's decoder decides.
    expect(fileProblem({ type: '', size: 1000 })).toBeUndefined();
  });

  it('is scaled down to 1280 px on its longer side, never up', () => {
    expect(fitScale(4000, 3000)).toBeCloseTo(0.32);
    expect(fitScale(1080, 1920)).toBeCloseTo(2 / 3);
    expect(fitScale(640, 480)).toBe(1);
  });
});

describe('the camera the web app opens', () => {
  it("asks for the chosen camera, keeping the engine's other wishes", () => {
    const asked = { video: { width: { ideal: 640 }, facingMode: 'user' }, audio: false };
    expect(withFacing(asked, 'environment')).toEqual({
      video: { width: { ideal: 640 }, facingMode: 'environment' },
      audio: false,
    });
    expect(withFacing({ video: true }, 'user')).toEqual({ video: { facingMode: 'user' } });
  });

  it('offers the switch only where the device lists two cameras', async () => {
    const listing = (...kinds: MediaDeviceKind[]) => ({
      enumerateDevices: async () => kinds.map((kind) => ({ kind }) as MediaDeviceInfo),
    });
    await expect(hasTwoCameras(listing('videoinput', 'audioinput'))).resolves.toBe(false);
    await expect(hasTwoCameras(listing('videoinput', 'videoinput'))).resolves.toBe(true);
    await expect(hasTwoCameras(undefined)).resolves.toBe(false);
    await expect(
      hasTwoCameras({ enumerateDevices: () => Promise.reject(new Error('not allowed')) }),
    ).resolves.toBe(false);
  });
});

describe("the web app's engine", () => {
  it('reads one thing at a time: a photo during a capture is refused, and either may follow the other', async () => {
    let finish!: () => void;
    const capture = new Promise<void>((resolve) => (finish = resolve));
    const service = {
      warmUp: jest.fn(),
      recognize: jest.fn(() => capture.then(() => ({ result: reading(0.9) }))),
      readImage: jest.fn(async () => ({ result: reading(0.9), faces: [] })),
    } as unknown as CaptureService;
    const engine = oneReadingAtATime(service);
    const capturing = engine.recognize({ frames: 3, countdownSeconds: 0 });
    await expect(engine.readImage({} as ImageData)).rejects.toMatchObject({ code: 'capture-in-progress' });
    finish();
    await capturing;
    await expect(engine.readImage({} as ImageData, 1)).resolves.toMatchObject({ faces: [] });
    expect(service.readImage).toHaveBeenCalledWith({}, 1);
  });
});
