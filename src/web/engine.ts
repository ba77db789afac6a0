/**
 * The capture engine in the web app: the extension's capture service (camera, then the
 * recognition pipeline) on this page, with the models and the wasm files served beside it. The
 * camera it opens also feeds the live preview.
 */
import { createCaptureService, type CaptureService, type StageDetail } from '../capture/captureService';
import type { CaptureStage } from '../model/capture';
import { MODEL_FILES } from '../model/contract';

export interface EngineEvents {
  onStage(stage: CaptureStage, detail?: StageDetail): void;
  /** The camera stream a capture opened, for the preview; its tracks end when the burst is taken. */
  onStream(stream: MediaStream): void;
}

/** getUserMedia that hands the stream to the preview too; none where the browser has no camera API. */
function previewedCamera(onStream: (stream: MediaStream) => void) {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!devices?.getUserMedia) return { mediaDevices: undefined };
  return {
    mediaDevices: {
      async getUserMedia(constraints?: MediaStreamConstraints) {
        const stream = await devices.getUserMedia(constraints);
        onStream(stream);
        return stream;
      },
    },
  };
}

export function createWebEngine(
  { onStage, onStream }: EngineEvents,
  base = document.baseURI,
): CaptureService {
  return createCaptureService({
    modelBaseUrl: new URL(`${MODEL_FILES.bundledIn}/`, base).href,
    wasmBaseUrl: new URL('wasm/', base).href,
    onStage,
    camera: previewedCamera(onStream) as Parameters<typeof createCaptureService>[0]['camera'],
  });
}
