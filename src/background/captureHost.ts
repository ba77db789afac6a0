/**
 * Chrome capture host: the service worker has no DOM and no camera, so an offscreen document
 * (reason USER_MEDIA) owns both. The Firefox build swaps this file for captureHost.firefox.ts. If
 * the document was closed (or crashed), the next capture creates it again.
 */
import { createOffscreenDocument, hasOffscreenDocument, sendRequest } from '../platform/browserApi';
import type { CaptureHost } from './captureHost.types';

const OFFSCREEN_PATH = 'offscreen.html';
let creating: Promise<void> | undefined;

async function ensureOffscreenDocument(): Promise<void> {
  if (await hasOffscreenDocument()) return;
  // Two quick captures must not both try to create the document (Chrome allows only one).
  creating ??= createOffscreenDocument(
    OFFSCREEN_PATH,
    'Takes one webcam snapshot per capture to read the mood, on the device.',
  ).finally(() => (creating = undefined));
  await creating;
}

export function createCaptureHost(): CaptureHost {
  return {
    async recognize(frames) {
      await ensureOffscreenDocument();
      return sendRequest({ target: 'offscreen', type: 'recognize-mood', frames });
    },
    needsPopupToCapture: false,
  };
}
