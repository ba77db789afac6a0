/** What a capture reports while it runs and what it returns, whichever host runs it. */
import type { RecognitionResult } from './recognition';

export const CAPTURE_STAGES = ['loading-models', 'starting-camera', 'reading-mood', 'opening-tab'] as const;
export type CaptureStage = (typeof CAPTURE_STAGES)[number];

export const isCaptureStage = (value: unknown): value is CaptureStage =>
  CAPTURE_STAGES.includes(value as CaptureStage);

export interface CaptureReading {
  result: RecognitionResult;
  /** True once every camera track was stopped. */
  cameraReleased: boolean;
}
