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
import { MODEL_LOAD_MS, READING_MS } from '../model/limits';
import { sleep, throwIfAborted, untilAborted, withLimit } from '../common/waits';
import type { PhotoReading, RecognitionResult } from '../model/recognition';
import { MoodtabError } from '../common/errors';
import { createMoodRecognizer, SHIPPED_BLEND, type MoodRecognizer, type RgbaImage } from '../recognition';
import { startBackend } from './backend';
import { openCamera, type Camera, type CameraOptions } from './camera';

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
  /**
   * Gets small JPEG frames of the camera's picture (base64) while the countdown runs, so the page
   * that shows the countdown can show the user their framing. Transient: nothing keeps them.
   */
  onPreview?: (jpeg: string) => void;
  /** The time limits (src/model/limits.ts), shorter in tests. */
  limits?: { modelLoadMs?: number; readingMs?: number };
  /** Where the camera comes from: the web app passes one that also feeds its live preview. */
  camera?: CameraOptions;
}

export interface CaptureService {
  /** Starts the backend and loads the models, unless done or under way; resolves when ready. */
  warmUp(backend?: BackendName): Promise<WarmUpReport>;
  /**
   * Opens the camera, counts down, snaps a burst, reads the mood; the camera is always released.
   * `signal`: cancels the capture wherever it is (it then fails with the signal's reason).
   */
  recognize(request: RecognizeRequest, signal?: AbortSignal): Promise<CaptureReading>;
  /**
   * Reads a still picture (a photo): where its faces are, largest first, and the mood of face
   * `face` (default the largest). No face: a no-face error.
   */
  readImage(image: RgbaImage, face?: number): Promise<ImageReading>;
}

/** Every face found, largest first, and the reading of the one asked for. */
export type ImageReading = PhotoReading;

interface Models {
  recognizer: MoodRecognizer;
  backend: BackendReport;
  loadMs: number;
}

const now = () => performance.now();

/**
 * Passes `count` frames on, calling `done` as soon as the last is taken, before it is read; a
 * cancelled capture stops the reading at the next frame.
 */
async function* withLast<T>(
  frames: AsyncGenerator<T>,
  count: number,
  done: () => void,
  signal?: AbortSignal,
): AsyncGenerator<T> {
  let taken = 0;
  for await (const frame of frames) {
    if (++taken === count) done();
    throwIfAborted(signal);
    yield frame;
  }
}

type OnStage = (stage: CaptureStage, detail?: StageDetail) => void;

/** Wide enough to see one's framing in a 340px popup, small enough to send several a second. */
export const PREVIEW_WIDTH = 160;
export const PREVIEW_INTERVAL_MS = 200;

/**
 * Sends a preview frame now and every PREVIEW_INTERVAL_MS until the returned stop is called. A
 * frame that cannot be made is skipped: the preview is a help, never a reason to fail a capture.
 */
function streamPreview(camera: Camera, onPreview: (jpeg: string) => void): () => void {
  const send = () => {
    try {
      onPreview(camera.previewJpeg(PREVIEW_WIDTH));
    } catch {
      // skipped: see above
    }
  };
  send();
  const timer = setInterval(send, PREVIEW_INTERVAL_MS);
  return () => clearInterval(timer);
}

/** The models, loaded once and kept: a failed load is retried by the next warm-up or capture. */
interface ModelLoader {
  load(backend: BackendName | undefined): Promise<Models>;
  /** Set once the models are loaded: captures then read each frame as it is taken. */
  readonly ready: Models | undefined;
  /** Waits for the load under way, showing its download progress meanwhile; a cancellation ends the wait. */
  wait(loading: Promise<Models>, signal?: AbortSignal): Promise<Models>;
}

function createModelLoader(config: CaptureServiceConfig, onStage: OnStage): ModelLoader {
  let loading: Promise<Models> | undefined;
  let ready: Models | undefined;
  /** While a capture waits for the models, their download progress is shown. */
  let waiting = false;
  let downloaded: number | undefined;

  async function start(backend: BackendName | undefined): Promise<Models> {
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
      expression: { modelUrl: urls.expression, blend: SHIPPED_BLEND },
    });
    ready = { recognizer, backend: report, loadMs: now() - started };
    return ready;
  }

  return {
    // A load that passes its limit fails (and is started again by the next warm-up or capture).
    load: (backend) =>
      (loading ??= withLimit(start(backend), {
        ms: config.limits?.modelLoadMs ?? MODEL_LOAD_MS,
        code: 'model-load-timeout',
      }).catch((error: unknown) => {
        loading = undefined;
        throw error;
      })),
    get ready() {
      return ready;
    },
    async wait(pending, signal) {
      waiting = true;
      onStage('loading-models', downloaded === undefined ? {} : { progress: downloaded });
      try {
        return await untilAborted(pending, signal);
      } finally {
        waiting = false;
      }
    },
  };
}

/** What one capture works with, besides the camera. */
interface Run {
  models: ModelLoader;
  loading: Promise<Models>;
  timings: Record<string, number>;
  onStage: OnStage;
  /** How long the reading may take, ms. */
  readingMs: number;
  signal?: AbortSignal;
  camera?: CameraOptions;
  onPreview?: (jpeg: string) => void;
}

/** Reads the burst within the reading limit; a cancellation ends the wait at once. */
const readBurst = (models: Models, images: AsyncIterable<ImageData> | ImageData[], run: Run) =>
  withLimit(models.recognizer.recognizeBurst(images), {
    ms: run.readingMs,
    code: 'reading-timeout',
    signal: run.signal,
  });

/**
 * Takes the burst and reads it. With the models ready, each frame is read while the camera
 * waits to take the next; otherwise the frames are kept, the camera turned off, and the reading
 * waits for the models. Either way the camera is released as soon as the last frame is taken.
 */
async function snapAndRead(
  camera: Camera,
  frames: number,
  run: Run,
): Promise<{ result: RecognitionResult; models: Models }> {
  const { models, timings, onStage, signal } = run;
  onStage('snapshot');
  let started = now();
  let burstEnd = started;
  const warm = models.ready;
  const taken = camera.frames(frames, undefined, signal);
  const burst = withLast(
    taken,
    frames,
    () => {
      burstEnd = now();
      camera.release();
      if (warm) onStage('reading-mood');
    },
    signal,
  );
  if (warm) {
    const result = await readBurst(warm, burst, run);
    timings.snapshot = burstEnd - started;
    timings.read = now() - burstEnd;
    return { result, models: warm };
  }
  const shots: ImageData[] = [];
  for await (const shot of burst) shots.push(shot);
  timings.snapshot = burstEnd - started;
  started = now();
  const loaded = await models.wait(run.loading, signal);
  timings.waitForModels = now() - started;
  onStage('reading-mood');
  started = now();
  const result = await readBurst(loaded, shots, run);
  timings.read = now() - started;
  return { result, models: loaded };
}

async function countDown(seconds: number, onStage: OnStage, signal?: AbortSignal): Promise<void> {
  for (let left = seconds; left > 0; left--) {
    onStage('countdown', { secondsLeft: left });
    await sleep(1000, signal);
  }
}

/** Opens the camera, counts down while it settles, reads the burst; the camera is always released. */
async function readWithCamera({ frames, countdownSeconds }: RecognizeRequest, run: Run) {
  const { timings, onStage, signal } = run;
  let started = now();
  onStage('starting-camera');
  const camera = await openCamera({ ...run.camera, signal });
  timings.openCamera = now() - started;
  let reading: { result: RecognitionResult; models: Models };
  let cameraReleased = false;
  try {
    started = now();
    const counting = countDown(countdownSeconds, onStage, signal);
    // Only while counting down, after its first number: the snapshot itself is not previewed.
    const stopPreview =
      countdownSeconds > 0 && run.onPreview ? streamPreview(camera, run.onPreview) : undefined;
    try {
      await Promise.all([counting, camera.settle({ signal })]);
    } finally {
      stopPreview?.();
    }
    timings.beforeSnapshot = now() - started;
    reading = await snapAndRead(camera, frames, run);
  } finally {
    cameraReleased = camera.release();
  }
  return { ...reading, cameraReleased };
}

export function createCaptureService(config: CaptureServiceConfig): CaptureService {
  const onStage = config.onStage ?? (() => undefined);
  const models = createModelLoader(config, onStage);
  const readingMs = config.limits?.readingMs ?? READING_MS;
  /** The first capture after the load reports how long the load took. */
  let loadReported = false;

  return {
    async warmUp(backend) {
      const { backend: report, loadMs } = await models.load(backend);
      return { backend: report, loadMs };
    },

    async recognize(request, signal) {
      throwIfAborted(signal);
      const timings: Record<string, number> = {};
      const loading = models.load(request.backend);
      loading.catch(() => undefined); // reported below, if this capture gets to need the models
      const run: Run = {
        models,
        loading,
        timings,
        onStage,
        readingMs,
        signal,
        camera: config.camera,
        onPreview: config.onPreview,
      };
      const { result, models: used, cameraReleased } = await readWithCamera(request, run);
      if (!loadReported) {
        timings.loadModels = used.loadMs;
        loadReported = true;
      }
      return { result, cameraReleased, backend: used.backend, timings, tensors: tf.memory().numTensors };
    },

    async readImage(image, face = 0) {
      const loading = models.load(undefined);
      const { recognizer } = models.ready ?? (await models.wait(loading));
      onStage('reading-mood');
      // A photo has the same reading limit as a capture: a hung read never holds the next one.
      const limited = <T>(reading: Promise<T>) =>
        withLimit(reading, { ms: readingMs, code: 'reading-timeout' });
      const faces = await limited(recognizer.findFaces(image));
      if (!faces.length) throw new MoodtabError('no-face', 'no face in the picture');
      const result = await limited(recognizer.recognize(image, { face: Math.min(face, faces.length - 1) }));
      return { result, faces };
    },
  };
}
