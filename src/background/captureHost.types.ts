import type { BackendName } from '../model/backend';
import type { CaptureReading, RecognizeRequest, WarmUpReport } from '../model/capture';
import type { PhotoReading } from '../model/recognition';

/** A photo to read: the id the asking page offers it under (photoChannel.ts) and which face, as in the protocol. */
export interface PhotoRequest {
  photo: string;
  face?: number;
}

/** Where recognition runs: Chrome's offscreen document, or the capture page in Firefox's popup. */
export interface CaptureHost {
  /**
   * Loads the models now (backend: the stored choice for this browser); resolves when ready.
   * capturePage: the capture page to warm, where several may be open (Firefox popups).
   */
  warmUp(backend?: BackendName, capturePage?: string): Promise<WarmUpReport>;
  /**
   * capturePage: the capture page that must answer, where several may be open (Firefox popups).
   * signal: cancels the capture (its popup closed); the capture page is told to stop and release
   * the camera, and this fails at once with the abort reason.
   */
  recognize(request: RecognizeRequest, capturePage?: string, signal?: AbortSignal): Promise<CaptureReading>;
  /**
   * Reads a photo in the capture page, which takes the file over the photo channel itself (no pixels in messages).
   * capturePage: the asking page's own capture frame (Firefox); Chrome has the one offscreen document.
   */
  readPhoto(request: PhotoRequest, capturePage?: string): Promise<PhotoReading>;
  /**
   * True where the camera works only in a page the user sees (Firefox): the shortcut then opens
   * the popup, which captures, instead of capturing in the background.
   */
  needsPopupToCapture: boolean;
  /**
   * The capture page said it has been idle: closes it where the host owns it (Chrome's offscreen
   * document), unless a request is under way; true when it was closed.
   */
  closeIdle(): Promise<boolean>;
}
