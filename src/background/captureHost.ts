/**
 * Chrome capture host: the service worker has no DOM and no camera, so an offscreen document
 * (reason USER_MEDIA) owns both. The Firefox build swaps this file for captureHost.firefox.ts. If
 * the document was closed (or crashed), the next capture creates it again. There is only ever one
 * offscreen document, so a request's capturePage (a Firefox popup's) does not apply here. The
 * document says when it has been idle a while (CAPTURE_PAGE_IDLE_MS) and is closed then, with the
 * tens of MB its models hold; the popup's warm-up opens it again.
 */
import {
  closeOffscreenDocument,
  createOffscreenDocument,
  hasOffscreenDocument,
  sendRequest,
} from '../platform/browserApi';
import { withLimit } from '../common/waits';
import { CAPTURE_PAGE_WAIT_MS } from '../model/limits';
import type { CaptureHost } from './captureHost.types';
import { cancelOnAbort } from './cancelOnAbort';

const OFFSCREEN_PATH = 'offscreen.html';
let creating: Promise<void> | undefined;
/** An idle document being closed: a request that comes meanwhile opens a new one after. */
let closing: Promise<void> | undefined;
/** Requests sent to the document and not yet answered: it is not idle while any is. */
let inFlight = 0;

/** Every wait for the document has the same limit: a hung open or close never holds a capture. */
const withinPageWait = (pending: Promise<void>, detail: string) =>
  withLimit(pending, { ms: CAPTURE_PAGE_WAIT_MS, code: 'no-answer', detail });
const NOT_CLOSED = 'the offscreen document did not close'; // i18n-exempt: a developers' detail
const NOT_OPENED = 'the offscreen document did not open'; // i18n-exempt: a developers' detail

async function ensureOffscreenDocument(): Promise<void> {
  // A failed close is not this request's error: it opens a new document (or finds the old one).
  if (closing)
    await withinPageWait(
      closing.catch(() => undefined),
      NOT_CLOSED,
    );
  // A document being created is already listed, but cannot answer until it has loaded: the warm-up
  // (popup open) starts it, and a click right after must wait for it rather than message it.
  if (!creating && (await hasOffscreenDocument())) return;
  // Two quick captures must not both try to create the document (Chrome allows only one).
  creating ??= createOffscreenDocument(
    OFFSCREEN_PATH,
    'Takes one webcam snapshot per capture to read the mood, on the device.', // i18n-exempt: for Chrome, not users
  ).finally(() => (creating = undefined));
  await withinPageWait(creating, NOT_OPENED);
}

/** Opens the document if needed and runs `ask` with it, counted as in flight meanwhile. */
async function withDocument<R>(ask: () => Promise<R>): Promise<R> {
  inFlight++;
  try {
    await ensureOffscreenDocument();
    return await ask();
  } finally {
    inFlight--;
  }
}

async function closeIdle(): Promise<boolean> {
  if (inFlight > 0 || creating || closing) return false;
  closing = closeOffscreenDocument().finally(() => (closing = undefined));
  await closing;
  return true;
}

export function createCaptureHost(): CaptureHost {
  return {
    warmUp: (backend) =>
      withDocument(() =>
        sendRequest({ target: 'offscreen', type: 'warm-up', ...(backend ? { backend } : {}) }),
      ),
    recognize: (request, _capturePage, signal) =>
      withDocument(() =>
        cancelOnAbort(signal, () =>
          sendRequest({ target: 'offscreen', type: 'recognize-mood', ...request }, { signal }),
        ),
      ),
    readPhoto: (request) =>
      withDocument(() => sendRequest({ target: 'offscreen', type: 'read-photo', ...request })),
    needsPopupToCapture: false,
    closeIdle,
  };
}
