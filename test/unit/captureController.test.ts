import { createCaptureController, type CaptureControllerDeps } from '../../src/background/captureController';
import type { Recommender } from '../../src/background/recommender';
import { armsFor, recommendationFor } from '../../src/recommendation/catalogue';
import type { CaptureReading } from '../../src/model/capture';
import { MoodtabError } from '../../src/common/errors';
import { cancelledError, untilAborted } from '../../src/common/waits';
import type { Mood, MoodProbabilities } from '../../src/model/moods';
import { NO_OFFSETS } from '../../src/recommendation/personalFit';
import type { Pick } from '../../src/recommendation/picks';
import type { RecognitionResult } from '../../src/model/recognition';
import {
  createRecommendationEvents,
  type RecommendationEventMap,
  type RecommendationEventName,
} from '../../src/recommendation/recommendationEvents';
import { DEFAULT_SETTINGS, providerIdFor, type Settings } from '../../src/recommendation/settings';

const result: RecognitionResult = {
  mood: 'sad',
  probabilities: { calm: 0.1, angry: 0.05, sad: 0.7, happy: 0.1, surprised: 0.05 },
  faces: 1,
  face: { box: { x: 1, y: 2, width: 100, height: 120 }, crop: [] },
  frames: 3,
  timings: {},
};
const reading: CaptureReading = {
  result,
  cameraReleased: true,
  backend: { name: 'wasm' },
  timings: { openCamera: 100, snapshot: 300 },
  tensors: 500,
};
const movies: Settings = { ...DEFAULT_SETTINGS, media: 'movies' };

/** The first query with the settings' provider: what the fake recommender opens. */
const pickFor = (mood: Mood, settings: Settings, source: Pick['source'], captureId?: string): Pick => {
  const arm = armsFor(mood, settings.media, settings.strategy, providerIdFor(settings))[0]!;
  const recommendation = recommendationFor(arm, mood, settings.media, settings.strategy);
  return { ...recommendation, id: `pick-${mood}`, source, ...(captureId ? { captureId } : {}) };
};
const probabilities = result.probabilities;

function setup(overrides: Partial<CaptureControllerDeps> = {}, stored: Settings = DEFAULT_SETTINGS) {
  const opened: { url: string; active: boolean }[] = [];
  const recommender: Recommender = {
    open: jest.fn(async (mood, settings, { active, source, captureId }) => {
      const pick = pickFor(mood, settings, source, captureId);
      opened.push({ url: pick.url, active });
      return pick;
    }),
  };
  const events = createRecommendationEvents();
  const heard: { [K in RecommendationEventName]?: RecommendationEventMap[K][] } = {};
  events.subscribe({
    onCaptured: (e) => void (heard.captured ??= []).push(e),
    onPicked: (e) => void (heard.picked ??= []).push(e),
    onCorrected: (e) => void (heard.corrected ??= []).push(e),
    onFeedback: (e) => void (heard.feedback ??= []).push(e),
  });
  let ids = 0;
  const deps: CaptureControllerDeps = {
    host: {
      warmUp: jest.fn(async () => ({ backend: { name: 'wasm' as const }, loadMs: 500 })),
      recognize: jest.fn(async () => reading),
    },
    recommender,
    events,
    loadSettings: jest.fn(async () => stored),
    loadAdjustment: jest.fn(async () => NO_OFFSETS),
    loadBackendChoice: jest.fn(async () => 'wasm' as const),
    saveBackendChoice: jest.fn(async () => undefined),
    cameraPermission: jest.fn(async () => 'granted' as const),
    openPermissionPage: jest.fn(async () => undefined),
    notifyStage: jest.fn(),
    newId: () => `capture-${++ids}`,
    ...overrides,
  };
  return { deps, opened, heard, controller: createCaptureController(deps) };
}

/** A reading whose top mood is below the confidence threshold. */
const unsureReading = (probabilities: MoodProbabilities): CaptureReading => ({
  ...reading,
  result: { ...result, mood: 'calm', probabilities },
});

describe('capture controller', () => {
  it('opens the tab for the recognised mood with the media and strategy it is given', async () => {
    const { deps, opened, controller } = setup();
    const outcome = await controller.capture({ ...movies, strategy: 'lift' });
    expect(deps.host.recognize).toHaveBeenCalledWith(
      { frames: 3, countdownSeconds: 0, backend: 'wasm' },
      undefined, // no capture page named: the one there is (Chrome's offscreen document)
      undefined, // nothing to cancel it: no popup asked
    );
    expect(deps.loadSettings).not.toHaveBeenCalled();
    expect(deps.recommender.open).toHaveBeenCalledWith(
      'sad',
      { ...movies, strategy: 'lift' },
      { active: true, source: 'camera', captureId: 'capture-1' },
    );
    expect(opened).toEqual([
      { url: 'https://www.youtube.com/results?search_query=feel-good%20movie%20trailer', active: true },
    ]);
    expect(outcome).toMatchObject({
      result,
      cameraReleased: true,
      backend: { name: 'wasm' },
      tensors: 500,
      captureId: 'capture-1',
      adjusted: { mood: 'sad', probabilities: result.probabilities, changed: false },
      pick: { mood: 'sad', media: 'movies', source: 'camera', captureId: 'capture-1' },
    });
    expect(outcome.unsure).toBeUndefined();
    expect(deps.notifyStage).toHaveBeenCalledWith('opening-tab');
    // The engine's stage timings, plus opening the tab and the whole capture.
    expect(outcome.timings).toMatchObject({ openCamera: 100, snapshot: 300 });
    expect(outcome.timings.total).toBeGreaterThanOrEqual(outcome.timings.openTab!);
  });

  it('uses the provider chosen for the media, and opens the tab behind the popup when asked', async () => {
    const { opened, controller } = setup();
    await controller.capture(
      {
        ...DEFAULT_SETTINGS,
        media: 'pictures',
        providers: { pictures: 'pinterest', music: 'youtube-music' },
      },
      { inBackground: true },
    );
    expect(opened).toEqual([{ url: 'https://www.pinterest.com/search/pins/?q=sad', active: false }]);
  });

  it("sends the capture to the popup's own capture page when it names one (Firefox)", async () => {
    const { deps, controller } = setup();
    const capturePage = '0f8fad5b-d9cb-469f-a165-70867728950e';
    await controller.capture(DEFAULT_SETTINGS, { capturePage });
    expect(deps.host.recognize).toHaveBeenCalledWith(
      expect.objectContaining({ frames: 3 }),
      capturePage,
      undefined,
    );
  });

  it('uses the stored settings for a capture that comes without them (the shortcut)', async () => {
    const { deps, opened, controller } = setup({}, movies);
    await controller.capture();
    expect(deps.loadSettings).toHaveBeenCalled();
    expect(opened).toEqual([
      { url: 'https://www.youtube.com/results?search_query=drama%20movie%20trailer', active: true },
    ]);
  });

  it('counts down 3-2-1 only when asked (popup captures with the setting on)', async () => {
    const { deps, controller } = setup();
    await controller.capture(DEFAULT_SETTINGS, { countdown: true });
    expect(deps.host.recognize).toHaveBeenLastCalledWith(
      expect.objectContaining({ countdownSeconds: 3 }),
      undefined,
      undefined,
    );
    await controller.capture(DEFAULT_SETTINGS);
    expect(deps.host.recognize).toHaveBeenLastCalledWith(
      expect.objectContaining({ countdownSeconds: 0 }),
      undefined,
      undefined,
    );
  });

  it('warms up with the stored backend, and keeps a freshly measured choice', async () => {
    const measured = { name: 'wasm' as const, measured: { wasm: 7, webgl: 210 } };
    const { deps, controller } = setup({
      loadBackendChoice: jest.fn(async () => undefined),
      host: {
        warmUp: jest.fn(async () => ({ backend: measured, loadMs: 900 })),
        recognize: jest.fn(async () => reading),
      },
    });
    await expect(controller.warmUp()).resolves.toEqual({ backend: measured, loadMs: 900 });
    expect(deps.host.warmUp).toHaveBeenCalledWith(undefined, undefined);
    expect(deps.saveBackendChoice).toHaveBeenCalledWith(measured);
  });

  it("warms the popup's own capture page when it names one (Firefox)", async () => {
    const { deps, controller } = setup();
    const capturePage = '0f8fad5b-d9cb-469f-a165-70867728950e';
    await controller.warmUp(capturePage);
    expect(deps.host.warmUp).toHaveBeenCalledWith('wasm', capturePage);
  });

  it('stores only measured choices: not a reused one, not a cpu fallback; a capture that measured saves', async () => {
    const { deps, controller } = setup();
    await controller.warmUp();
    expect(deps.host.warmUp).toHaveBeenCalledWith('wasm', undefined);
    await controller.capture(DEFAULT_SETTINGS);
    expect(deps.saveBackendChoice).not.toHaveBeenCalled();

    jest
      .mocked(deps.host.recognize)
      .mockResolvedValueOnce({ ...reading, backend: { name: 'cpu', measured: {} } });
    await controller.capture(DEFAULT_SETTINGS);
    expect(deps.saveBackendChoice).not.toHaveBeenCalled(); // a fallback with nothing measured

    const measured = { name: 'webgl' as const, measured: { wasm: 30, webgl: 9 } };
    jest.mocked(deps.host.recognize).mockResolvedValueOnce({ ...reading, backend: measured });
    await controller.capture(DEFAULT_SETTINGS);
    expect(deps.saveBackendChoice).toHaveBeenCalledWith(measured);
  });

  it('still captures when storage fails: the backend is measured again, the tab still opens', async () => {
    const { deps, controller } = setup({
      loadBackendChoice: jest.fn(async () => {
        throw new Error('storage is gone');
      }),
      saveBackendChoice: jest.fn(async () => {
        throw new Error('storage is gone');
      }),
    });
    jest
      .mocked(deps.host.recognize)
      .mockResolvedValueOnce({ ...reading, backend: { name: 'wasm', measured: {} } });
    await expect(controller.capture(DEFAULT_SETTINGS)).resolves.toMatchObject({ result });
    expect(deps.host.recognize).toHaveBeenCalledWith(
      expect.objectContaining({ backend: undefined }),
      undefined,
      undefined,
    );
    expect(deps.recommender.open).toHaveBeenCalled();
  });

  it('runs one capture at a time', async () => {
    let finish!: () => void;
    const { controller } = setup({
      host: {
        warmUp: jest.fn(),
        recognize: () => new Promise((resolve) => (finish = () => resolve(reading))),
      },
    });
    const first = controller.capture();
    await Promise.resolve();
    await expect(controller.capture()).rejects.toMatchObject({ code: 'capture-in-progress' });
    await new Promise((r) => setTimeout(r, 0));
    finish();
    await first;
    const again = controller.capture();
    await new Promise((r) => setTimeout(r, 0));
    finish();
    await expect(again).resolves.toBeDefined();
  });

  it('a teaching prompt only reads the face, after the countdown: no tab, no listener told', async () => {
    const { deps, opened, heard, controller } = setup();
    const capturePage = 'page-1';
    await expect(controller.readOnly({ capturePage })).resolves.toBe(reading);
    expect(deps.host.recognize).toHaveBeenCalledWith(
      { frames: 3, countdownSeconds: 3, backend: 'wasm' },
      capturePage,
      undefined, // no cancelling signal: a teaching page holds no popup port
    );
    expect(opened).toEqual([]);
    expect(heard).toEqual({});
  });

  it("a teaching prompt passes on its page's cancel signal: closing the page stops the read", async () => {
    const { deps, controller } = setup();
    const pageClosed = new AbortController();
    await controller.readOnly({ signal: pageClosed.signal });
    expect(deps.host.recognize).toHaveBeenCalledWith(expect.anything(), undefined, pageClosed.signal);
  });

  it('a teaching prompt shares the one-capture lock and the permission check', async () => {
    let finish!: () => void;
    const { controller } = setup({
      host: {
        warmUp: jest.fn(),
        recognize: () => new Promise((resolve) => (finish = () => resolve(reading))),
      },
    });
    const capture = controller.capture();
    await new Promise((r) => setTimeout(r, 0));
    await expect(controller.readOnly()).rejects.toMatchObject({ code: 'capture-in-progress' });
    finish();
    await capture;
    const denied = setup({ cameraPermission: async () => 'denied' });
    await expect(denied.controller.readOnly()).rejects.toMatchObject({ code: 'camera-permission-denied' });
    expect(denied.deps.host.recognize).not.toHaveBeenCalled();
  });

  it('frees the lock after a failure and opens no tab', async () => {
    const { deps, controller } = setup({
      host: {
        warmUp: jest.fn(),
        recognize: jest.fn(async () => {
          throw new MoodtabError('no-face');
        }),
      },
    });
    await expect(controller.capture()).rejects.toMatchObject({ code: 'no-face' });
    expect(deps.recommender.open).not.toHaveBeenCalled();
    await expect(controller.capture()).rejects.toMatchObject({ code: 'no-face' }); // not capture-in-progress
  });

  it('asks for camera permission in a tab on first use, without touching the camera', async () => {
    const { deps, controller } = setup({ cameraPermission: async () => 'prompt' });
    await expect(controller.capture()).rejects.toMatchObject({ code: 'camera-permission-needed' });
    expect(deps.openPermissionPage).toHaveBeenCalled();
    expect(deps.host.recognize).not.toHaveBeenCalled();
  });

  it('reports a blocked camera without opening the permission page', async () => {
    const { deps, controller } = setup({ cameraPermission: async () => 'denied' });
    await expect(controller.capture()).rejects.toMatchObject({ code: 'camera-permission-denied' });
    expect(deps.openPermissionPage).not.toHaveBeenCalled();
  });

  it('where permission cannot be queried, a refusal leads to the permission page', async () => {
    const { deps, controller } = setup({
      cameraPermission: async () => 'unknown',
      host: {
        warmUp: jest.fn(),
        recognize: async () => {
          throw new MoodtabError('camera-permission-denied');
        },
      },
    });
    await expect(controller.capture()).rejects.toMatchObject({ code: 'camera-permission-needed' });
    expect(deps.openPermissionPage).toHaveBeenCalled();
  });

  it('opens a mood picked without a capture, behind the popup when asked', async () => {
    const { opened, heard, controller } = setup();
    const pick = await controller.openFor('happy', DEFAULT_SETTINGS, { inBackground: true });
    expect(pick).toMatchObject({ mood: 'happy', source: 'manual' });
    expect(opened).toEqual([{ url: 'https://music.youtube.com/search?q=happy%20hits', active: false }]);
    expect(heard.picked).toEqual([{ pick, at: expect.any(Number) }]);
    expect(heard.corrected).toBeUndefined();
  });

  it('applies the personal adjustment before deciding: the bars and the mood the user sees', async () => {
    const factors = { ...NO_OFFSETS, calm: Math.log(1.5), sad: -Math.log(1.5) };
    const { controller } = setup({ loadAdjustment: jest.fn(async () => factors) });
    // Camera: sad 0.7, calm 0.1; adjusted: sad 0.57, calm 0.18. Still sad, but less sure.
    const outcome = await controller.capture(DEFAULT_SETTINGS);
    expect(outcome.result.probabilities).toEqual(result.probabilities); // the camera's own reading kept
    expect(outcome.adjusted.changed).toBe(true);
    expect(outcome.adjusted.probabilities.sad).toBeLessThan(result.probabilities.sad);
    expect(outcome.adjusted.probabilities.calm).toBeGreaterThan(result.probabilities.calm);
    expect(outcome.adjusted.mood).toBe('sad');
  });

  it('an adjustment it cannot read does not stop the capture', async () => {
    const { controller } = setup({ loadAdjustment: jest.fn(async () => Promise.reject(new Error('gone'))) });
    await expect(controller.capture(DEFAULT_SETTINGS)).resolves.toMatchObject({
      adjusted: { changed: false },
    });
  });

  it('when unsure, asks instead of opening a tab (popup) and says between which two', async () => {
    const probabilities = { calm: 0.38, angry: 0.05, sad: 0.41, happy: 0.1, surprised: 0.06 };
    const { deps, heard, controller } = setup({
      host: { warmUp: jest.fn(), recognize: jest.fn(async () => unsureReading(probabilities)) },
    });
    const outcome = await controller.capture(DEFAULT_SETTINGS, { inBackground: true });
    expect(outcome.unsure).toEqual(['sad', 'calm']);
    expect(outcome.pick).toBeUndefined();
    expect(deps.recommender.open).not.toHaveBeenCalled();
    expect(deps.notifyStage).not.toHaveBeenCalledWith('opening-tab');
    expect(heard.captured).toEqual([
      expect.objectContaining({
        captureId: 'capture-1',
        camera: { mood: 'calm', probabilities },
        unsure: ['sad', 'calm'],
      }),
    ]);
    expect(heard.captured![0]!.shown).toBeUndefined();
    expect(heard.picked).toBeUndefined();
  });

  it('when unsure, the shortcut still opens the likeliest mood and says it was unsure', async () => {
    const probabilities = { calm: 0.38, angry: 0.05, sad: 0.41, happy: 0.1, surprised: 0.06 };
    const { opened, controller } = setup({
      host: { warmUp: jest.fn(), recognize: jest.fn(async () => unsureReading(probabilities)) },
    });
    const outcome = await controller.capture(undefined, { whenUnsure: 'open' });
    expect(outcome).toMatchObject({ unsure: ['sad', 'calm'], pick: { mood: 'sad', source: 'camera' } });
    expect(opened).toEqual([{ url: 'https://music.youtube.com/search?q=sad%20songs', active: true }]);
  });

  it('tells the listeners what the capture read and opened', async () => {
    const { heard, controller } = setup();
    const outcome = await controller.capture(DEFAULT_SETTINGS);
    expect(heard.captured).toEqual([
      {
        captureId: 'capture-1',
        at: expect.any(Number),
        camera: { mood: 'sad', probabilities: result.probabilities },
        adjusted: { mood: 'sad', probabilities: result.probabilities },
        shown: 'sad',
      },
    ]);
    // The journal's entry for the capture: its pick, under the capture's id, with the camera's reading.
    expect(outcome.pick?.captureId).toBe('capture-1');
    expect(heard.picked).toEqual([
      { pick: outcome.pick, at: expect.any(Number), reading: result.probabilities },
    ]);
  });

  it('a listener that fails does not turn an opened tab into an error', async () => {
    const { deps, controller } = setup();
    deps.events.subscribe({
      onCaptured: async () => {
        throw new Error('storage is full');
      },
    });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(controller.capture(DEFAULT_SETTINGS)).resolves.toMatchObject({ pick: { mood: 'sad' } });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('a correction opens the chosen mood and tells the listeners what it replaced', async () => {
    const { heard, controller } = setup();
    const pick = await controller.openFor('calm', DEFAULT_SETTINGS, {
      inBackground: true,
      capture: { id: 'capture-9', camera: 'sad', shown: 'sad', probabilities },
    });
    expect(pick).toMatchObject({ source: 'corrected', captureId: 'capture-9' });
    expect(heard.corrected).toEqual([
      { captureId: 'capture-9', at: expect.any(Number), camera: 'sad', from: 'sad', to: 'calm' },
    ]);
    expect(heard.picked).toEqual([{ pick, at: expect.any(Number), reading: probabilities }]);
  });

  it('answering "calm or sad?" is a choice: nothing was shown before', async () => {
    const { heard, controller } = setup();
    const pick = await controller.openFor('calm', DEFAULT_SETTINGS, {
      capture: { id: 'capture-3', camera: 'calm', probabilities },
    });
    expect(pick).toMatchObject({ source: 'chosen', captureId: 'capture-3' });
    expect(heard.corrected).toEqual([
      { captureId: 'capture-3', at: expect.any(Number), camera: 'calm', to: 'calm' },
    ]);
  });

  it('picking the mood already shown again corrects nothing', async () => {
    const { heard, controller } = setup();
    const pick = await controller.openFor('sad', DEFAULT_SETTINGS, {
      capture: { id: 'capture-4', camera: 'sad', shown: 'sad', probabilities },
    });
    expect(pick.source).toBe('manual');
    expect(pick.captureId).toBeUndefined();
    expect(heard.corrected).toBeUndefined();
  });

  it('passes feedback to the listeners, and reports a listener that could not keep it', async () => {
    const { deps, heard, controller } = setup();
    const ref = {
      id: 'p1',
      mood: 'sad' as const,
      media: 'music' as const,
      strategy: 'match' as const,
      providerId: 'spotify',
      query: 'sad songs',
    };
    await controller.feedback(ref, 'not-for-me', 'good-pick');
    expect(heard.feedback).toEqual([
      { pick: ref, verdict: 'not-for-me', replaces: 'good-pick', at: expect.any(Number) },
    ]);
    deps.events.subscribe({
      onFeedback: async () => {
        throw new Error('storage is full');
      },
    });
    await expect(controller.feedback(ref, 'good-pick')).rejects.toThrow('storage is full');
  });

  describe('a popup capture cancelled (its popup closed)', () => {
    /** A host whose reading waits until the capture is cancelled, as the capture page does. */
    const waitingHost = () => ({
      warmUp: jest.fn(),
      recognize: jest.fn((_request, _page, signal?: AbortSignal) =>
        untilAborted(new Promise<CaptureReading>(() => undefined), signal),
      ),
    });

    it('stops the reading, opens no tab, records nothing, and frees the lock', async () => {
      const { deps, heard, controller } = setup({ host: waitingHost() });
      const closing = new AbortController();
      const capture = controller.capture(DEFAULT_SETTINGS, { countdown: true, signal: closing.signal });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(deps.host.recognize).toHaveBeenCalledWith(expect.anything(), undefined, closing.signal);
      closing.abort(cancelledError('popup closed'));
      await expect(capture).rejects.toMatchObject({ code: 'cancelled' });
      expect(deps.recommender.open).not.toHaveBeenCalled();
      expect(heard).toEqual({});
      deps.host.recognize = jest.fn(async () => reading);
      await expect(controller.capture()).resolves.toMatchObject({ pick: expect.anything() });
    });

    it('opens no tab when cancelled as the reading comes back', async () => {
      const closing = new AbortController();
      const { deps, heard, controller } = setup({
        host: {
          warmUp: jest.fn(),
          recognize: jest.fn(async () => (closing.abort(), reading)),
        },
      });
      await expect(controller.capture(DEFAULT_SETTINGS, { signal: closing.signal })).rejects.toMatchObject({
        code: 'cancelled',
      });
      expect(deps.recommender.open).not.toHaveBeenCalled();
      expect(heard).toEqual({});
    });

    it('opens no permission tab for a popup already closed', async () => {
      const closing = new AbortController();
      closing.abort();
      const { deps, controller } = setup({ cameraPermission: async () => 'prompt' });
      await expect(controller.capture(DEFAULT_SETTINGS, { signal: closing.signal })).rejects.toMatchObject({
        code: 'cancelled',
      });
      expect(deps.openPermissionPage).not.toHaveBeenCalled();
    });
  });
});
