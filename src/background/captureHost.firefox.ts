/**
 * Firefox capture host. Firefox never lets a background page use the camera (it denies the
 * request even when the user allowed the camera), so the capture page runs in an iframe of the
 * popup, which may use a remembered grant; this host only sends it the request.
 */
import { sendRequest } from '../platform/browserApi';
import type { CaptureHost } from './captureHost.types';

/** Long enough for a just-opened popup to load its capture page. */
const CAPTURE_PAGE_WAIT_MS = 10_000;

export function createCaptureHost(): CaptureHost {
  return {
    recognize: (frames, capturePage) =>
      sendRequest(
        { target: 'offscreen', type: 'recognize-mood', frames, ...(capturePage ? { capturePage } : {}) },
        { waitForReceiverMs: CAPTURE_PAGE_WAIT_MS },
      ),
    needsPopupToCapture: true,
  };
}
