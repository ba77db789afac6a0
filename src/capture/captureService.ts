/**
 * The capture engine: camera snapshot, then the recognition pipeline. Hosted by Chrome's offscreen
 * document and by Firefox's background page, which both have a DOM and may use the camera.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
import type { CaptureReading, CaptureStage } from '../shared/capture';
import { createMoodRecognizer, type MoodRecognizer } from '../recognition';
import { captureFrames } from './camera';

export interface CaptureServiceConfig {
  /** Base URL of the bundled models folder (e.g. chrome-extension://id/models/). */
  modelBaseUrl: string;
  /** progress: fraction of the model download, during loading-models. */
  onStage?: (stage: CaptureStage, progress?: number) => void;
}

export interface CaptureService {
  /** Loads the models on first use (kept for later captures), snaps `frames` frames, reads the mood. */
  recognize(frames: number): Promise<CaptureReading>;
}

/** WebGL when the GPU allows, else the CPU backend: slower, but a capture still works. */
async function selectBackend(): Promise<void> {
  for (const backend of ['webgl', 'cpu']) {
    try {
      if (await tf.setBackend(backend)) {
        await tf.ready();
        return;
      }
    } catch {
      // try the next backend
    }
  }
  throw new Error('no tfjs backend could start');
}

export function createCaptureService(config: CaptureServiceConfig): CaptureService {
  let recognizer: Promise<MoodRecognizer> | undefined;
  const load = () =>
    (recognizer ??= (async () => {
      await selectBackend();
      return createMoodRecognizer({
        detector: {
          detectorModelUrl: `${config.modelBaseUrl}face/facemesh-detection-short.json`,
          landmarkModelUrl: `${config.modelBaseUrl}face/facemesh.json`,
        },
        classifier: {
          modelUrl: `${config.modelBaseUrl}mood/model.json`,
          onProgress: (fraction) => config.onStage?.('loading-models', fraction),
        },
      });
    })().catch((error) => {
      recognizer = undefined; // a failed load is retried on the next capture
      throw error;
    }));

  return {
    async recognize(frames) {
      config.onStage?.('loading-models');
      const ready = await load();
      config.onStage?.('starting-camera');
      const capture = await captureFrames({ frames });
      config.onStage?.('reading-mood');
      const result =
        capture.frames.length === 1
          ? await ready.recognize(capture.frames[0]!)
          : await ready.recognizeBurst(capture.frames);
      return { result, cameraReleased: capture.released };
    },
  };
}
