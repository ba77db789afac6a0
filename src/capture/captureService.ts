/**
 * The capture engine: camera snapshot, then the recognition pipeline. Hosted by the capture page
 * (src/offscreen): Chrome's offscreen document, or a frame in Firefox's popup (Firefox never lets
 * a background page use the camera).
 *
 * The models load once (warm-up, usually when the popup opens) and stay for later captures. A
 * capture opens the camera first, so a missing or refused camera is reported at once; the
 * countdown and the camera's settling overlap the model load; with the models ready, each frame is
 * read as soon as it is taken.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName, BackendReport } from '../model/backend';
import type { CaptureReading, CaptureStage, RecognizeRequest, WarmUpReport } from '../model/capture';
import { modelUrls } from '../model/contract';
import type { RecognitionResult } from '../model/recognition';
import { createMoodRecognizer, type MoodRecognizer } from '../recognition';
import { startBackend } from './backend';
import { openCamera, type Camera } from './camera';

export interface StageDetail {
  /** Fraction 0..1 of the model download, with loading-models. */
  progress?: number;
  /** The countdown's current number, with countdown. */
  secondsLeft?: number;
}

export interface CaptureServiceConfig {
  /** Base URL of the bundled models folder (e.g. chrome-extension://id/models/). */
  modelBaseUrl: string;
  /** Base URL of the bundled tfjs-backend-wasm binaries (e.g. chrome-extension://id/wasm/). */
  wasmBaseUrl: string;
  onStage?: (stage: CaptureStage, detail?: StageDetail) => void;
}

export interface CaptureService {
  /** Starts the backend and loads the models, unless done or under way; resolves when ready. */
  warmUp(backend?: BackendName): Promise<WarmUpReport>;
  /** Opens the camera, counts down, snaps a burst, reads the mood; the camera is always released. */
  recognize(request: RecognizeRequest): Promise<CaptureReading>;
}

interface Models {
  recognizer: MoodRecognizer;
  backend: BackendReport;
  loadMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

/** Passes `count` frames on, calling `done` as soon as the last is taken, before it is read. */
async function* withLast<T>(frames: AsyncGenerator<T>, count: number, done: () => void): AsyncGenerator<T> {
  let taken = 0;
  for await (const frame of frames) {
    if (++taken === count) done();
    yield frame;
  }
}

export function createCaptureService(config: CaptureServiceConfig): CaptureService {
  const onStage = config.onStage ?? (() => undefined);
  let loadingModels: Promise<Models> | undefined;
  /** Set once the models are loaded: captures then read each frame as it is taken. */
  let ready: Models | undefined;
  /** The first capture after the load reports how long the load took. */
  let loadReported = false;
  /** While a capture waits for the models, their download progress is shown. */
  let waiting = false;
  let downloaded: number | undefined;

  const load = (backend: BackendName | undefined): Promise<Models> =>
    (loadingModels ??= (async () => {
      const started = now();
      const report = await startBackend(backend, { wasmBaseUrl: config.wasmBaseUrl });
      const urls = modelUrls(config.modelBaseUrl);
      const recognizer = await createMoodRecognizer({
        detector: { detectorModelUrl: urls.faceDetector, landmarkModelUrl: urls.faceLandmarks },
        classifier: {
          modelUrl: urls.mood,
          onProgress: (fraction) => {
            downloaded = fraction;
            if (waiting) onStage('loading-models', { progress: fraction });
          },
        },
      });
      ready = { recognizer, backend: report, loadMs: now() - started };
      return ready;
    })().catch((error: unknown) => {
      loadingModels = undefined; // a failed load is retried by the next warm-up or capture
      throw error;
    }));

  async function waitForModels(loading: Promise<Models>): Promise<Models> {
    waiting = true;
    onStage('loading-models', downloaded === undefined ? {} : { progress: downloaded });
    try {
      return await loading;
    } finally {
      waiting = false;
    }
  }

  /**
   * Takes the burst and reads it. With the models ready, each frame is read while the camera
   * waits to take the next; otherwise the frames are kept, the camera turned off, and the reading
   * waits for the models. Either way the camera is released as soon as the last frame is taken.
   */
  async function snapAndRead(
    camera: Camera,
    frames: number,
    loading: Promise<Models>,
    timings: Record<string, number>,
  ): Promise<{ result: RecognitionResult; models: Models }> {
    onStage('snapshot');
    let started = now();
    let burstEnd = started;
    const warm = ready;
    const burst = withLast(camera.frames(frames), frames, () => {
      burstEnd = now();
      camera.release();
      if (warm) onStage('reading-mood');
    });
    if (warm) {
      const result = await warm.recognizer.recognizeBurst(burst);
      timings.snapshot = burstEnd - started;
      timings.read = now() - burstEnd;
      return { result, models: warm };
    }
    const shots: ImageData[] = [];
    for await (const shot of burst) shots.push(shot);
    timings.snapshot = burstEnd - started;
    started = now();
    const models = await waitForModels(loading);
    timings.waitForModels = now() - started;
    onStage('reading-mood');
    started = now();
    const result = await models.recognizer.recognizeBurst(shots);
    timings.read = now() - started;
    return { result, models };
  }

  async function countDown(seconds: number): Promise<void> {
    for (let left = seconds; left > 0; left--) {
      onStage('countdown', { secondsLeft: left });
      await sleep(1000);
    }
  }

  return {
    async warmUp(backend) {
      const { backend: report, loadMs } = await load(backend);
      return { backend: report, loadMs };
    },

    async recognize({ frames, countdownSeconds, backend }) {
      const timings: Record<string, number> = {};
      const loading = load(backend);
      loading.catch(() => undefined); // reported below, if this capture gets to need the models
      let started = now();
      onStage('starting-camera');
      const camera = await openCamera();
      timings.openCamera = now() - started;
      let reading: { result: RecognitionResult; models: Models };
      let cameraReleased = false;
      try {
        started = now();
        await Promise.all([countDown(countdownSeconds), camera.settle()]);
        timings.beforeSnapshot = now() - started;
        reading = await snapAndRead(camera, frames, loading, timings);
      } finally {
        cameraReleased = camera.release();
      }
      const { result, models: used } = reading;
      if (!loadReported) {
        timings.loadModels = used.loadMs;
        loadReported = true;
      }
      return { result, cameraReleased, backend: used.backend, timings, tensors: tf.memory().numTensors };
    },
  };
}
