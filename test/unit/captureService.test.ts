/**
 * The capture engine both hosts run, with the camera, the backend and the models replaced: what
 * comes first, what overlaps, what is reused and retried, and that the camera is always released.
 */
// The engine reports tfjs's tensor count, which needs a backend; the one it would start is mocked.
import '@tensorflow/tfjs-backend-cpu';
import { startBackend } from '../../src/capture/backend';
import { openCamera, type Camera } from '../../src/capture/camera';
import {
  createCaptureService,
  PREVIEW_INTERVAL_MS,
  PREVIEW_WIDTH,
  type CaptureService,
} from '../../src/capture/captureService';
import { createMoodRecognizer, type MoodRecognizer, type RgbaImage } from '../../src/recognition';
import { MoodtabError } from '../../src/common/errors';
import type { RecognitionResult } from '../../src/model/recognition';

jest.mock('../../src/capture/camera', () => ({ openCamera: jest.fn() }));
jest.mock('../../src/capture/backend', () => ({ startBackend: jest.fn() }));
jest.mock('../../src/recognition', () => ({ createMoodRecognizer: jest.fn() }));
const open = jest.mocked(openCamera);
const backend = jest.mocked(startBackend);
const createRecognizer = jest.mocked(createMoodRecognizer);

const frame = { data: new Uint8ClampedArray(4), width: 1, height: 1, colorSpace: 'srgb' } as ImageData;
const result: RecognitionResult = {
  mood: 'calm',
  probabilities: { calm: 0.6, angry: 0.1, sad: 0.1, happy: 0.1, surprised: 0.1 },
  faces: 1,
  face: { box: { x: 0, y: 0, width: 100, height: 100 }, crop: [] },
  frames: 3,
  timings: {},
};

/** Everything that happened, in order: stages, camera calls, frames read. */
let events: string[];

function fakeCamera(): Camera {
  let released = false;
  return {
    settle: jest.fn(async () => void events.push('settle')),
    previewJpeg: jest.fn((width: number) => {
      events.push(`preview ${width}`);
      return 'AAAA';
    }),
    frames: jest.fn(async function* (count: number) {
      for (let i = 0; i < count; i++) {
        events.push(`take ${i + 1}`);
        yield frame;
      }
    }),
    release: jest.fn(() => {
      if (!released) events.push('release');
      released = true;
      return true;
    }),
  };
}

/** Reads frames as the engine hands them over, noting each. */
const recognizer: MoodRecognizer = {
  recognize: jest.fn(),
  findFaces: jest.fn(),
  recognizeBurst: jest.fn(async (images: Iterable<RgbaImage> | AsyncIterable<RgbaImage>) => {
    let n = 0;
    for await (const image of images) events.push(image === frame ? `read ${++n}` : 'read a foreign frame');
    return result;
  }),
  dispose: jest.fn(),
};

let camera: Camera;
const service = (): CaptureService =>
  createCaptureService({
    modelBaseUrl: 'chrome-extension://id/models/',
    wasmBaseUrl: 'chrome-extension://id/wasm/',
    onStage: (stage, detail) =>
      events.push(detail?.secondsLeft ? `${stage} ${detail.secondsLeft}` : `stage ${stage}`),
  });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((done, fail) => ((resolve = done), (reject = fail)));
  return { promise, resolve, reject };
}

beforeEach(() => {
  jest.clearAllMocks();
  events = [];
  camera = fakeCamera();
  open.mockImplementation(async () => (events.push('camera on'), camera));
  backend.mockResolvedValue({ name: 'wasm', measured: { wasm: 7, webgl: 200 } });
  createRecognizer.mockImplementation(async () => (events.push('models ready'), recognizer));
});

describe('capture service', () => {
  it('warms up once: the bundled models on the measured backend, kept for the captures', async () => {
    const engine = service();
    const report = await engine.warmUp('webgl');
    expect(report).toMatchObject({ backend: { name: 'wasm', measured: { wasm: 7, webgl: 200 } } });
    expect(report.loadMs).toBeGreaterThanOrEqual(0);
    expect(backend).toHaveBeenCalledWith('webgl', { wasmBaseUrl: 'chrome-extension://id/wasm/' });
    expect(createRecognizer).toHaveBeenCalledWith(
      expect.objectContaining({
        detector: {
          detectorModelUrl: 'chrome-extension://id/models/face/facemesh-detection-short.json',
          landmarkModelUrl: 'chrome-extension://id/models/face/facemesh.json',
        },
        classifier: expect.objectContaining({ modelUrl: 'chrome-extension://id/models/mood/model.json' }),
      }),
    );
    await engine.warmUp();
    await engine.recognize({ frames: 3, countdownSeconds: 0 });
    expect(createRecognizer).toHaveBeenCalledTimes(1);
  });

  it('with the models warm, reads each frame as it is taken and turns the camera off after the last', async () => {
    const engine = service();
    await engine.warmUp();
    events = [];
    const reading = await engine.recognize({ frames: 3, countdownSeconds: 0 });
    expect(events).toEqual([
      'stage starting-camera',
      'camera on',
      'settle',
      'stage snapshot',
      'take 1',
      'read 1',
      'take 2',
      'read 2',
      'take 3',
      'release',
      'stage reading-mood',
      'read 3',
    ]);
    expect(reading).toMatchObject({ result, cameraReleased: true, backend: { name: 'wasm' } });
    expect(Object.keys(reading.timings)).toEqual(
      expect.arrayContaining(['openCamera', 'beforeSnapshot', 'snapshot', 'read', 'loadModels']),
    );
    expect(typeof reading.tensors).toBe('number');
  });

  it('opens the camera while the models still load, snaps, turns it off, then waits for them', async () => {
    const models = deferred<MoodRecognizer>();
    createRecognizer.mockReturnValue(models.promise);
    const engine = service();
    const reading = engine.recognize({ frames: 2, countdownSeconds: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toEqual([
      'stage starting-camera',
      'camera on',
      'settle',
      'stage snapshot',
      'take 1',
      'take 2',
      'release',
      'stage loading-models',
    ]);
    models.resolve(recognizer);
    await expect(reading).resolves.toMatchObject({ result, cameraReleased: true });
    expect(events.slice(-3)).toEqual(['stage reading-mood', 'read 1', 'read 2']);
  });

  it('reports a missing camera at once, without waiting for the models', async () => {
    backend.mockReturnValue(new Promise(() => undefined)); // the load never ends
    open.mockRejectedValue(new MoodtabError('no-camera'));
    await expect(service().recognize({ frames: 3, countdownSeconds: 0 })).rejects.toMatchObject({
      code: 'no-camera',
    });
  });

  it('counts down while the camera settles, then snaps', async () => {
    jest.useFakeTimers();
    try {
      const engine = service();
      await engine.warmUp();
      events = [];
      const reading = engine.recognize({ frames: 1, countdownSeconds: 3 });
      await jest.advanceTimersByTimeAsync(2500);
      expect(events).toEqual([
        'stage starting-camera',
        'camera on',
        'countdown 3',
        'settle',
        'countdown 2',
        'countdown 1',
      ]);
      await jest.advanceTimersByTimeAsync(500);
      await expect(reading).resolves.toMatchObject({ result });
      expect(events.slice(6)).toEqual([
        'stage snapshot',
        'take 1',
        'release',
        'stage reading-mood',
        'read 1',
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  describe('the countdown preview', () => {
    const previewing = () =>
      createCaptureService({
        modelBaseUrl: 'chrome-extension://id/models/',
        wasmBaseUrl: 'chrome-extension://id/wasm/',
        onStage: (stage, detail) =>
          events.push(detail?.secondsLeft ? `${stage} ${detail.secondsLeft}` : `stage ${stage}`),
        onPreview: (jpeg) => events.push(`sent ${jpeg}`),
      });

    it('sends small frames a few times a second while counting down, and none from the snapshot on', async () => {
      jest.useFakeTimers();
      try {
        const engine = previewing();
        await engine.warmUp();
        events = [];
        const reading = engine.recognize({ frames: 1, countdownSeconds: 2 });
        await jest.advanceTimersByTimeAsync(2000);
        await expect(reading).resolves.toMatchObject({ result });
        const snapshot = events.indexOf('stage snapshot');
        const before = events.slice(0, snapshot);
        // After the first number: the popup shows frames only while it counts down.
        expect(before).toContain('countdown 2');
        expect(before.indexOf(`preview ${PREVIEW_WIDTH}`)).toBeGreaterThan(before.indexOf('countdown 2'));
        // One at once, then one each interval: 2s of countdown (the last may race the snapshot).
        const sent = before.filter((event) => event === 'sent AAAA').length;
        expect(sent).toBeGreaterThanOrEqual(2000 / PREVIEW_INTERVAL_MS);
        expect(sent).toBeLessThanOrEqual(2000 / PREVIEW_INTERVAL_MS + 1);
        expect(events.slice(snapshot).filter((event) => event.startsWith('preview'))).toEqual([]);
        await jest.advanceTimersByTimeAsync(1000); // and the timer is gone
        expect(events.filter((event) => event === 'sent AAAA')).toHaveLength(sent);
      } finally {
        jest.useRealTimers();
      }
    });

    it('sends none without a countdown', async () => {
      const engine = previewing();
      await engine.warmUp();
      await engine.recognize({ frames: 1, countdownSeconds: 0 });
      expect(events.filter((event) => event.startsWith('preview') || event.startsWith('sent'))).toEqual([]);
    });

    it('skips a frame that cannot be made: the capture goes on', async () => {
      jest.useFakeTimers();
      try {
        jest.mocked(camera.previewJpeg).mockImplementation(() => {
          throw new MoodtabError('internal', 'no JPEG encoder');
        });
        const engine = previewing();
        await engine.warmUp();
        const reading = engine.recognize({ frames: 1, countdownSeconds: 1 });
        await jest.advanceTimersByTimeAsync(1000);
        await expect(reading).resolves.toMatchObject({ result, cameraReleased: true });
        expect(events.filter((event) => event.startsWith('sent'))).toEqual([]);
      } finally {
        jest.useRealTimers();
      }
    });
  });

  it('releases the camera when the reading fails, and when the model load fails', async () => {
    const engine = service();
    await engine.warmUp();
    jest.mocked(recognizer.recognizeBurst).mockRejectedValueOnce(new Error('kernel failed'));
    await expect(engine.recognize({ frames: 3, countdownSeconds: 0 })).rejects.toThrow('kernel failed');
    expect(camera.release).toHaveBeenCalled();

    createRecognizer.mockRejectedValueOnce(new MoodtabError('model-load-failed'));
    camera = fakeCamera();
    await expect(service().recognize({ frames: 3, countdownSeconds: 0 })).rejects.toMatchObject({
      code: 'model-load-failed',
    });
    expect(camera.release).toHaveBeenCalled();
  });

  it('retries a failed model load on the next warm-up or capture', async () => {
    createRecognizer.mockRejectedValueOnce(new MoodtabError('model-load-failed'));
    const engine = service();
    await expect(engine.warmUp()).rejects.toMatchObject({ code: 'model-load-failed' });
    await expect(engine.recognize({ frames: 3, countdownSeconds: 0 })).resolves.toMatchObject({ result });
    expect(createRecognizer).toHaveBeenCalledTimes(2);
  });

  it('says how long the load took with the first capture only', async () => {
    const engine = service();
    const first = await engine.recognize({ frames: 1, countdownSeconds: 0 });
    const second = await engine.recognize({ frames: 1, countdownSeconds: 0 });
    expect(first.timings.loadModels).toBeGreaterThanOrEqual(0);
    expect(second.timings.loadModels).toBeUndefined();
  });

  it('reads a photo without the camera: its faces, largest first, and the mood of the one asked for', async () => {
    const boxes = [result.face.box, { x: 200, y: 10, width: 60, height: 60 }];
    jest.mocked(recognizer.findFaces).mockResolvedValue(boxes);
    jest.mocked(recognizer.recognize).mockResolvedValue(result);
    const engine = service();
    await expect(engine.readImage(frame)).resolves.toEqual({ result, faces: boxes });
    expect(recognizer.recognize).toHaveBeenLastCalledWith(frame, { face: 0 });
    await engine.readImage(frame, 1);
    expect(recognizer.recognize).toHaveBeenLastCalledWith(frame, { face: 1 });
    await engine.readImage(frame, 5); // a face that is gone: the smallest there is
    expect(recognizer.recognize).toHaveBeenLastCalledWith(frame, { face: 1 });
    expect(open).not.toHaveBeenCalled();

    jest.mocked(recognizer.findFaces).mockResolvedValueOnce([]);
    await expect(engine.readImage(frame)).rejects.toMatchObject({ code: 'no-face' });
  });

  describe('time limits and cancellation', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    const limited = () =>
      createCaptureService({
        modelBaseUrl: 'chrome-extension://id/models/',
        wasmBaseUrl: 'chrome-extension://id/wasm/',
        limits: { modelLoadMs: 1000, readingMs: 500 },
      });

    it('fails a model load past its limit, releases the camera, and loads again next time', async () => {
      createRecognizer.mockImplementationOnce(() => new Promise(() => undefined));
      const engine = limited();
      const failed = expect(engine.recognize({ frames: 1, countdownSeconds: 0 })).rejects.toMatchObject({
        code: 'model-load-timeout',
      });
      await jest.advanceTimersByTimeAsync(1000);
      await failed;
      expect(camera.release).toHaveBeenCalled();
      camera = fakeCamera();
      await expect(engine.recognize({ frames: 1, countdownSeconds: 0 })).resolves.toMatchObject({ result });
    });

    it('fails a reading past its limit and releases the camera', async () => {
      const engine = limited();
      await engine.warmUp();
      jest.mocked(recognizer.recognizeBurst).mockReturnValueOnce(new Promise(() => undefined));
      const failed = expect(engine.recognize({ frames: 1, countdownSeconds: 0 })).rejects.toMatchObject({
        code: 'reading-timeout',
      });
      await jest.advanceTimersByTimeAsync(500);
      await failed;
      expect(camera.release).toHaveBeenCalled();
    });

    it('fails a photo reading past its limit, so the next one is not held', async () => {
      const engine = limited();
      await engine.warmUp();
      jest.mocked(recognizer.findFaces).mockReturnValueOnce(new Promise(() => undefined));
      const failed = expect(engine.readImage(frame)).rejects.toMatchObject({ code: 'reading-timeout' });
      await jest.advanceTimersByTimeAsync(500);
      await failed;
    });

    it('stops a capture cancelled during the countdown: camera off, no frame taken', async () => {
      const engine = limited();
      await engine.warmUp();
      const controller = new AbortController();
      const capturing = engine.recognize({ frames: 3, countdownSeconds: 3 }, controller.signal);
      const failed = expect(capturing).rejects.toMatchObject({ code: 'cancelled' });
      await jest.advanceTimersByTimeAsync(1500);
      controller.abort();
      await failed;
      expect(camera.release).toHaveBeenCalled();
      expect(events.filter((event) => event.startsWith('take'))).toEqual([]);
    });
  });
});
