import type { CaptureReading } from '../shared/capture';

/** Where recognition runs: Chrome's offscreen document, or the capture page in Firefox's popup. */
export interface CaptureHost {
  /** capturePage: the capture page that must answer, where several may be open (Firefox popups). */
  recognize(frames: number, capturePage?: string): Promise<CaptureReading>;
  /**
   * True where the camera works only in a page the user sees (Firefox): the shortcut then opens
   * the popup, which captures, instead of capturing in the background.
   */
  needsPopupToCapture: boolean;
}
