/**
 * Firefox capture host. Firefox never lets a background page use the camera (it denies the
 * request even when the user allowed the camera), so the capture page runs in an iframe of the
 * popup, which may use a remembered grant; this host only sends it the requests. The popup sends
 * the warm-up as it opens, so its capture page loads the models while the user looks at it.
 */
import { sendRequest } from '../platform/browserApi';
import { CAPTURE_PAGE_WAIT_MS } from '../model/limits';
import type { CaptureHost } from './captureHost.types';
import { cancelOnAbort } from './cancelOnAbort';

const addressedTo = (capturePage?: string) => (capturePage ? { capturePage } : {});

export function createCaptureHost(): CaptureHost {
  return {
    warmUp: (backend, capturePage) =>
      sendRequest(
        {
          target: 'offscreen',
          type: 'warm-up',
          ...(backend ? { backend } : {}),
          ...addressedTo(capturePage),
        },
        { waitForReceiverMs: CAPTURE_PAGE_WAIT_MS },
      ),
    // The capture page dies with its popup, camera and all; the cancel is for a page that did not.
    recognize: (request, capturePage, signal) =>
      cancelOnAbort(
        signal,
        () =>
          sendRequest(
            { target: 'offscreen', type: 'recognize-mood', ...request, ...addressedTo(capturePage) },
            { waitForReceiverMs: CAPTURE_PAGE_WAIT_MS, ...(signal ? { signal } : {}) },
          ),
        capturePage,
      ),
    // The page that asks holds the capture frame (as "Teach Moodtab your face" does), just created.
    readPhoto: (request, capturePage) =>
      sendRequest(
        { target: 'offscreen', type: 'read-photo', ...request, ...addressedTo(capturePage) },
        { waitForReceiverMs: CAPTURE_PAGE_WAIT_MS },
      ),
    needsPopupToCapture: true,
    // The capture page lives and dies with its popup.
    closeIdle: async () => false,
  };
}
