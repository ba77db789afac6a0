/** What a capture asks for, reports while it runs and returns, whichever host runs it. */
import type { BackendName, BackendReport } from './backend';
import type { RecognitionResult } from './recognition';

export const CAPTURE_STAGES = [
  'starting-camera',
  'countdown',
  'snapshot',
  'loading-models',
  'reading-mood',
  'opening-tab',
] as const;
export type CaptureStage = (typeof CAPTURE_STAGES)[number];

export const isCaptureStage = (value: unknown): value is CaptureStage =>
  CAPTURE_STAGES.includes(value as CaptureStage);

/** Longest countdown a capture may ask for, seconds. */
export const MAX_COUNTDOWN_SECONDS = 5;
/** The popup's countdown: 3-2-1, then the snapshot. */
export const COUNTDOWN_SECONDS = 3;

export interface RecognizeRequest {
  /** Frames in the burst; their readings are averaged. */
  frames: number;
  /** Seconds counted down (while the camera settles) before the frames are taken; 0 snaps at once. */
  countdownSeconds: number;
  /** The backend chosen earlier on this browser version; absent: measure and choose. */
  backend?: BackendName;
}

export interface WarmUpReport {
  backend: BackendReport;
  /** How long loading the backend and the models took, ms. */
  loadMs: number;
}

export interface CaptureReading {
  result: RecognitionResult;
  /** True once every camera track was stopped. */
  cameraReleased: boolean;
  backend: BackendReport;
  /** Milliseconds per capture stage (camera, countdown, snapshot, waiting for models, reading). */
  timings: Record<string, number>;
  /** Live tfjs tensors after the capture: the same after every capture, or something leaks. */
  tensors: number;
}
