/** The capture engine both hosts run, with the camera and the models replaced: order, reuse, retry. */
import { captureFrames } from '../../src/capture/camera';
import { createCaptureService } from '../../src/capture/captureService';
import { createMoodRecognizer, type MoodRecognizer } from '../../src/recognition';
import { MoodtabError } from '../../src/shared/errors';
import type { RecognitionResult } from '../../src/shared/recognition';

jest.mock('../../src/capture/camera', () => ({ captureFrames: jest.fn() }));
jest.mock('../../src/recognition', () => ({ createMoodRecognizer: jest.fn() }));
const camera = jest.mocked(captureFrames);
const createRecognizer = jest.mocked(createMoodRecognizer);

const frame = { data: new Uint8ClampedArray(4), width: 1, height: 1, colorSpace: 'srgb' } as ImageData;
const result: RecognitionResult = {
  mood: 'calm',
  probabilities: { calm: 0.6, angry: 0.1, sad: 0.1, happy: 0.1, surprised: 0.1 },
  faces: 1,
  face: { box: { x: 0, y: 0, width: 100, height: 100 } },
  frames: 3,
  timings: {},
};
const recognizer: MoodRecognizer = {
  recognize: jest.fn(async () => ({ ...result, frames: 1 })),
  recognizeBurst: jest.fn(async () => result),
  dispose: jest.fn(),
};

beforeEach(() => {
  jest.clearAllMocks();
  createRecognizer.mockResolvedValue(recognizer);
  camera.mockResolvedValue({ frames: [frame, frame, frame], released: true });
});

describe('capture service', () => {
  it('loads the bundled models, then snaps, then reads, and says which stage it is in', async () => {
    const stages: string[] = [];
    const service = createCaptureService({
      modelBaseUrl: 'chrome-extension://id/models/',
      onStage: (stage) => stages.push(stage),
    });
    await expect(service.recognize(3)).resolves.toEqual({ result, cameraReleased: true });
    expect(stages).toEqual(['loading-models', 'starting-camera', 'reading-mood']);
    expect(camera).toHaveBeenCalledWith({ frames: 3 });
    expect(recognizer.recognizeBurst).toHaveBeenCalledWith([frame, frame, frame]);
    expect(createRecognizer).toHaveBeenCalledWith(
      expect.objectContaining({
        detector: {
          detectorModelUrl: 'chrome-extension://id/models/face/facemesh-detection-short.json',
          landmarkModelUrl: 'chrome-extension://id/models/face/facemesh.json',
        },
        classifier: expect.objectContaining({ modelUrl: 'chrome-extension://id/models/mood/model.json' }),
      }),
    );
  });

  it('keeps the models for later captures and reads a single frame on its own', async () => {
    const service = createCaptureService({ modelBaseUrl: 'models/' });
    await service.recognize(3);
    camera.mockResolvedValue({ frames: [frame], released: false });
    await expect(service.recognize(1)).resolves.toEqual({
      result: { ...result, frames: 1 },
      cameraReleased: false,
    });
    expect(createRecognizer).toHaveBeenCalledTimes(1);
    expect(recognizer.recognize).toHaveBeenCalledWith(frame);
  });

  it('retries a failed model load on the next capture, without opening the camera for the failed one', async () => {
    createRecognizer.mockRejectedValueOnce(new MoodtabError('model-load-failed'));
    const service = createCaptureService({ modelBaseUrl: 'models/' });
    await expect(service.recognize(3)).rejects.toMatchObject({ code: 'model-load-failed' });
    expect(camera).not.toHaveBeenCalled();
    await expect(service.recognize(3)).resolves.toMatchObject({ result });
    expect(createRecognizer).toHaveBeenCalledTimes(2);
  });
});
