import type { ResponseOf } from '../shared/messages';

/** Where recognition runs: Chrome's offscreen document, or Firefox's background page itself. */
export interface CaptureHost {
  recognize(frames: number): Promise<ResponseOf<'offscreen', 'recognize-mood'>>;
}
