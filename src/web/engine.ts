/**
 * The capture engine in the web app: the extension's capture service (camera, then the
 * recognition pipeline) on this page, with the models and the wasm files served beside it. The
 * camera it opens also feeds the live preview, and faces the way the user chose (front by default).
 */
import { oneAtATime } from '../capture/captureLock';
import {
  createCaptureService,
  type CaptureService,
  type ImageReading,
  type StageDetail,
} from '../capture/captureService';
import type { CaptureReading } from '../model/capture';
import type { CaptureStage } from '../model/capture';
import { MODEL_FILES } from '../model/contract';
import type { PhotoEngine } from '../ui/photo-reader';

/** Which camera: the one facing the user (front) or the one facing away (back). */
export type Facing = 'user' | 'environment';

export interface EngineEvents {
  onStage(stage: CaptureStage, detail?: StageDetail): void;
  /** The camera stream a capture opened, for the preview; its tracks end when the burst is taken. */
  onStream(stream: MediaStream): void;
}

export interface WebEngine {
  service: CaptureService;
  /** The camera the next captures open. */
  setFacing(facing: Facing): void;
}

/** The engine's camera request, asking for the chosen camera instead of the front one. */
export function withFacing(
  constraints: MediaStreamConstraints | undefined,
  facing: Facing,
): MediaStreamConstraints {
  const video = constraints?.video;
  return { ...constraints, video: { ...(typeof video === 'object' ? video : {}), facingMode: facing } };
}

type MediaDevicesLike = Pick<MediaDevices, 'getUserMedia'>;

/** getUserMedia for the chosen camera that hands the stream to the preview too; none without a camera API. */
function previewedCamera(
  devices: MediaDevicesLike | undefined,
  facing: () => Facing,
  onStream: (stream: MediaStream) => void,
): MediaDevicesLike | undefined {
  if (!devices?.getUserMedia) return undefined;
  return {
    async getUserMedia(constraints) {
      const stream = await devices.getUserMedia(withFacing(constraints, facing()));
      onStream(stream);
      return stream;
    },
  };
}

/**
 * The service with one reading at a time, camera or photo: the models keep state between calls (the
 * face detector's tracking is reset per call), so a photo read during a capture is refused, as a
 * second capture is, with capture-in-progress.
 */
export function oneReadingAtATime(service: CaptureService): CaptureService {
  const one = oneAtATime((read: () => Promise<unknown>) => read());
  return {
    warmUp: (backend) => service.warmUp(backend),
    recognize: (request, signal) => one(() => service.recognize(request, signal)) as Promise<CaptureReading>,
    readImage: (image, face) => one(() => service.readImage(image, face)) as Promise<ImageReading>,
  };
}

export function createWebEngine(
  { onStage, onStream }: EngineEvents,
  base = document.baseURI,
  devices: MediaDevicesLike | undefined = navigator.mediaDevices,
): WebEngine {
  let facing: Facing = 'user';
  const mediaDevices = previewedCamera(devices, () => facing, onStream);
  const service = oneReadingAtATime(
    createCaptureService({
      modelBaseUrl: new URL(`${MODEL_FILES.bundledIn}/`, base).href,
      wasmBaseUrl: new URL('wasm/', base).href,
      onStage,
      camera: mediaDevices ? { mediaDevices } : {},
    }),
  );
  return {
    service,
    setFacing: (chosen) => {
      facing = chosen;
    },
  };
}

/** Whether the device has more than one camera (known fully once the camera was allowed). */
export async function hasTwoCameras(
  devices: Pick<MediaDevices, 'enumerateDevices'> | undefined,
): Promise<boolean> {
  if (!devices?.enumerateDevices) return false;
  const all = await devices.enumerateDevices().catch(() => []);
  return all.filter((device) => device.kind === 'videoinput').length > 1;
}

/** The photo reader's engine in the web app: the photo's pixels, decoded in this page, read here. */
export const inPagePhotos = (service: CaptureService): PhotoEngine => ({
  readPhoto: ({ image }, face) => service.readImage(image, face),
});
