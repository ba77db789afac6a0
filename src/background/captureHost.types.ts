import type { CaptureReading } from '../shared/capture';

/** Where recognition runs: Chrome's offscreen document, or Firefox's background page itself. */
export interface CaptureHost {
  recognize(frames: number): Promise<CaptureReading>;
}
