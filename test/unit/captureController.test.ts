import { createCaptureController, type CaptureControllerDeps } from '../../src/background/captureController';
import type { CaptureReading } from '../../src/shared/capture';
import { MoodtabError } from '../../src/shared/errors';
import type { RecognitionResult } from '../../src/shared/recognition';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';

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

function setup(overrides: Partial<CaptureControllerDeps> = {}, stored: Settings = DEFAULT_SETTINGS) {
  const deps: CaptureControllerDeps = {
    host: {
      warmUp: jest.fn(async () => ({ backend: { name: 'wasm' as const }, loadMs: 500 })),
      recognize: jest.fn(async () => reading),
    },
    loadSettings: jest.fn(async () => stored),
    loadBackendChoice: jest.fn(async () => 'wasm' as const),
    saveBackendChoice: jest.fn(async () => undefined),
    openTab: jest.fn(async () => undefined),
    cameraPermission: jest.fn(async () => 'granted' as const),
    openPermissionPage: jest.fn(async () => undefined),
    notifyStage: jest.fn(),
    ...overrides,
  };
  return { deps, controller: createCaptureController(deps) };
}

describe('capture controller', () => {
  it('opens the tab for the recognised mood with the media and strategy it is given', async () => {
    const { deps, controller } = setup();
    const outcome = await controller.capture({ ...movies, strategy: 'lift' });
    expect(deps.host.recognize).toHaveBeenCalledWith(
      { frames: 3, countdownSeconds: 0, backend: 'wasm' },
      undefined, // no capture page named: the one there is (Chrome's offscreen document)
    );
    expect(deps.loadSettings).not.toHaveBeenCalled();
    expect(deps.openTab).toHaveBeenCalledWith('https://www.netflix.com/search?q=feel-good', true);
    expect(outcome).toMatchObject({
      result,
      cameraReleased: true,
      backend: { name: 'wasm' },
      tensors: 500,
      recommendation: { mood: 'sad', media: 'movies' },
    });
    expect(deps.notifyStage).toHaveBeenCalledWith('opening-tab');
    // The engine's stage timings, plus opening the tab and the whole capture.
    expect(outcome.timings).toMatchObject({ openCamera: 100, snapshot: 300 });
    expect(outcome.timings.total).toBeGreaterThanOrEqual(outcome.timings.openTab!);
  });

  it('uses the provider chosen for the media, and opens the tab behind the popup when asked', async () => {
    const { deps, controller } = setup();
    await controller.capture(
      {
        ...DEFAULT_SETTINGS,
        media: 'pictures',
        providers: { pictures: 'pinterest', music: 'youtube-music' },
      },
      { inBackground: true },
    );
    expect(deps.openTab).toHaveBeenCalledWith('https://www.pinterest.com/search/pins/?q=sad', false);
  });

  it("sends the capture to the popup's own capture page when it names one (Firefox)", async () => {
    const { deps, controller } = setup();
    const capturePage = '0f8fad5b-d9cb-469f-a165-70867728950e';
    await controller.capture(DEFAULT_SETTINGS, { capturePage });
    expect(deps.host.recognize).toHaveBeenCalledWith(expect.objectContaining({ frames: 3 }), capturePage);
  });

  it('uses the stored settings for a capture that comes without them (the shortcut)', async () => {
    const { deps, controller } = setup({}, movies);
    await controller.capture();
    expect(deps.loadSettings).toHaveBeenCalled();
    expect(deps.openTab).toHaveBeenCalledWith('https://www.netflix.com/search?q=drama', true);
  });

  it('counts down 3-2-1 only when asked (popup captures with the setting on)', async () => {
    const { deps, controller } = setup();
    await controller.capture(DEFAULT_SETTINGS, { countdown: true });
    expect(deps.host.recognize).toHaveBeenLastCalledWith(
      expect.objectContaining({ countdownSeconds: 3 }),
      undefined,
    );
    await controller.capture(DEFAULT_SETTINGS);
    expect(deps.host.recognize).toHaveBeenLastCalledWith(
      expect.objectContaining({ countdownSeconds: 0 }),
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
    );
    expect(deps.openTab).toHaveBeenCalled();
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
    expect(deps.openTab).not.toHaveBeenCalled();
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

  it('opens a hand-corrected mood', async () => {
    const { deps, controller } = setup();
    const recommendation = await controller.openFor('happy', DEFAULT_SETTINGS);
    expect(recommendation.url).toBe('https://open.spotify.com/search/happy%20hits/playlists');
    expect(deps.openTab).toHaveBeenCalledWith(recommendation.url);
  });
});
