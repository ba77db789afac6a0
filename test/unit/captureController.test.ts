import { createCaptureController, type CaptureControllerDeps } from '../../src/background/captureController';
import { MoodtabError } from '../../src/shared/errors';
import type { RecognitionResult } from '../../src/shared/recognition';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';

const result: RecognitionResult = {
  mood: 'sad',
  probabilities: { calm: 0.1, angry: 0.05, sad: 0.7, happy: 0.1, surprised: 0.05 },
  faces: 1,
  face: { box: { x: 1, y: 2, width: 100, height: 120 } },
  frames: 3,
  timings: {},
};

function setup(overrides: Partial<CaptureControllerDeps> = {}, stored: Settings = DEFAULT_SETTINGS) {
  const deps: CaptureControllerDeps = {
    host: { recognize: jest.fn(async () => ({ result, cameraReleased: true })) },
    loadSettings: jest.fn(async () => stored),
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
    const outcome = await controller.capture({ media: 'movies', strategy: 'lift', providers: {} });
    expect(deps.host.recognize).toHaveBeenCalledWith(3, undefined);
    expect(deps.loadSettings).not.toHaveBeenCalled();
    expect(deps.openTab).toHaveBeenCalledWith('https://www.netflix.com/search?q=feel-good', true);
    expect(outcome).toMatchObject({
      result,
      cameraReleased: true,
      recommendation: { mood: 'sad', media: 'movies' },
    });
    expect(deps.notifyStage).toHaveBeenCalledWith('opening-tab');
  });

  it('uses the provider chosen for the media, and opens the tab behind the popup when asked', async () => {
    const { deps, controller } = setup();
    await controller.capture(
      { media: 'pictures', strategy: 'match', providers: { pictures: 'pinterest', music: 'youtube-music' } },
      { inBackground: true },
    );
    expect(deps.openTab).toHaveBeenCalledWith('https://www.pinterest.com/search/pins/?q=sad', false);
  });

  it("sends the capture to the popup's own capture page when it names one (Firefox)", async () => {
    const { deps, controller } = setup();
    const capturePage = '0f8fad5b-d9cb-469f-a165-70867728950e';
    await controller.capture(DEFAULT_SETTINGS, { capturePage });
    expect(deps.host.recognize).toHaveBeenCalledWith(3, capturePage);
  });

  it('uses the stored settings for a capture that comes without them (the shortcut)', async () => {
    const { deps, controller } = setup({}, { media: 'movies', strategy: 'match', providers: {} });
    await controller.capture();
    expect(deps.loadSettings).toHaveBeenCalled();
    expect(deps.openTab).toHaveBeenCalledWith('https://www.netflix.com/search?q=drama', true);
  });

  it('runs one capture at a time', async () => {
    let finish!: () => void;
    const { controller } = setup({
      host: {
        recognize: () => new Promise((resolve) => (finish = () => resolve({ result, cameraReleased: true }))),
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
