/**
 * The web app's own parts: its storage beyond the shared store tests (journalStore, storageRace
 * run on it too), its language choice and t(), its pick for a mood, and its screen's states.
 */
import { isQuotaError, MoodtabError } from '../../src/common/errors';
import type { RecognitionResult } from '../../src/model/recognition';
import { contextKey, armKey, seededRandom } from '../../src/recommendation/bandit';
import { armsFor, CATALOGUE } from '../../src/recommendation/catalogue';
import { DEFAULT_SETTINGS } from '../../src/recommendation/settings';
import { BANDIT_KEY, openStoredState, SETTINGS_KEY } from '../../src/storage/registry';
import type { CaptureService } from '../../src/capture/captureService';
import { hasTwoCameras, oneReadingAtATime, withFacing } from '../../src/web/engine';
import { chooseLocale, t } from '../../src/web/i18n';
import { fileProblem, fitScale, MAX_PHOTO_MB } from '../../src/web/photo';
import { recommend } from '../../src/web/recommend';
import { initialWebState, statusText, webReducer, type WebState } from '../../src/web/state';
import { STORAGE_PREFIX, webStorage } from '../../src/web/storage';
import { memoryArea } from './helpers/webMemoryStorage';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('web storage', () => {
  it('reads a value it cannot parse (hand-edited, cut short) as the initial one', async () => {
    const area = memoryArea();
    area.setItem(STORAGE_PREFIX + SETTINGS_KEY, '{"media": "mus');
    const stored = openStoredState(webStorage({ area, events: new EventTarget() }));
    await expect(stored.settings.load()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a write that does not fit whole, as storage-full, and keeps what was there', async () => {
    const area = memoryArea(200);
    const stored = openStoredState(webStorage({ area, events: new EventTarget() }));
    await stored.settings.set(DEFAULT_SETTINGS);
    const arms = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [armKey('spotify', `song ${i}`), { good: 1, bad: 0 }]),
    );
    const failure = stored.bandit.set({ [contextKey('sad', 'music', 'match')]: arms });
    await expect(failure).rejects.toThrow(MoodtabError);
    await expect(failure.catch((error: unknown) => isQuotaError(error))).resolves.toBe(true);
    expect(area.getItem(`${STORAGE_PREFIX}${BANDIT_KEY}`)).toBeNull();
    await expect(stored.settings.load()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('undoes a write of several values that does not fit whole: each keeps what it had', async () => {
    const area = memoryArea(120);
    const backend = webStorage({ area, events: new EventTarget() });
    await backend.saveAll({ a: 'before', b: 'x'.repeat(40) });
    // `a` fits, `b` does not: `a` is put back, `c` (new) is gone.
    const failure = backend.saveAll({ a: 'after', c: 'y', b: 'x'.repeat(100) });
    await expect(failure.catch((error: unknown) => isQuotaError(error))).resolves.toBe(true);
    await expect(backend.load('a')).resolves.toBe('before');
    await expect(backend.load('b')).resolves.toBe('x'.repeat(40));
    await expect(backend.load('c')).resolves.toBeUndefined();
    await backend.saveAll({ a: 'after', c: 'y' });
    await expect(backend.load('a')).resolves.toBe('after');
  });

  it('tells watchers of a change in this page and in another tab, until they unsubscribe', async () => {
    const area = memoryArea();
    const events = new EventTarget();
    const stored = openStoredState(webStorage({ area, events }));
    const seen: unknown[] = [];
    const stop = stored.settings.watch((settings) => seen.push(settings.media));
    await stored.settings.update((settings) => ({ ...settings, media: 'movies' }));
    // Another tab wrote it: this page hears of it through the storage event only.
    const otherTab = { ...DEFAULT_SETTINGS, media: 'pictures' };
    events.dispatchEvent(
      Object.assign(new Event('storage'), {
        key: STORAGE_PREFIX + SETTINGS_KEY,
        newValue: JSON.stringify(otherTab),
      }),
    );
    events.dispatchEvent(Object.assign(new Event('storage'), { key: 'someone-else', newValue: '1' }));
    stop();
    await stored.settings.remove();
    expect(seen).toEqual(['movies', 'pictures']);
  });

  it('without Web Locks, still runs the tasks under one name one at a time in this page', async () => {
    const backend = webStorage({ area: memoryArea(), locks: undefined, events: new EventTarget() });
    const order: string[] = [];
    const task = (name: string, ms: number) => async () => {
      order.push(`${name} start`);
      await later(ms);
      order.push(`${name} end`);
      if (name === 'a') throw new Error('a failed');
    };
    const first = backend.exclusive('k', task('a', 20));
    const second = backend.exclusive('k', task('b', 0));
    await expect(first).rejects.toThrow('a failed');
    await second;
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
  });
});

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
  const pick = recommend('happy', DEFAULT_SETTINGS, CATALOGUE, {}, seededRandom(1));

  it('says what a capture is doing, then what it read', () => {
    let state: WebState = webReducer(loaded, { type: 'capture-started' });
    state = webReducer(state, { type: 'stage', stage: 'countdown', secondsLeft: 2 });
    expect(statusText(state)).toBe('Look at the camera… 2');
    state = webReducer(state, { type: 'read', reading: reading(0.9), pick });
    expect(statusText(state)).toBe('You look happy.');
    // Progress that arrives after the result does not hide it.
    expect(webReducer(state, { type: 'stage', stage: 'reading-mood' })).toBe(state);
  });

  it('asks when unsure, and a hand pick keeps the reading under it', () => {
    let state = webReducer(loaded, {
      type: 'read',
      reading: reading(0.4),
      fromPhoto: false,
      unsure: ['happy', 'calm'],
    });
    expect(statusText(state)).toBe('Moodtab is not sure: happy or calm? Pick one below.');
    const calm = recommend('calm', DEFAULT_SETTINGS, CATALOGUE, {}, seededRandom(1));
    state = webReducer(state, { type: 'picked', pick: calm });
    expect(state).toMatchObject({ chosen: 'calm', pick: calm, reading: reading(0.4), fromPhoto: false });
    expect(statusText(state)).toBe('You chose calm.');
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
