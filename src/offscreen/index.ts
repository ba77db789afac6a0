/**
 * The capture page: hosts the capture engine (camera and models) and answers `offscreen` requests
 * from any of the extension's own pages; the background sends them, and the one-capture lock
 * holds whoever asks. Chrome opens it as an offscreen document; Firefox, which never lets a
 * background page use the camera, embeds it in the popup (src/ui/capture-frame) as
 * `offscreen.html#<id>`.
 */
import { oneAtATime } from '../capture/captureLock';
import { createCaptureService } from '../capture/captureService';
import {
  extensionIdentity,
  extensionUrl,
  notifyPreview,
  notifyProgress,
  onMessage,
  sendRequest,
} from '../platform/browserApi';
import { createIdleWatch } from '../capture/idleWatch';
import { CAPTURE_PAGE_IDLE_MS } from '../model/limits';
import type { RecognizeRequest } from '../model/capture';
import { MODEL_FILES } from '../model/contract';
import { createMessageListener } from '../protocol/messages';
import { isRecord } from '../common/records';
import { popupClosedError } from '../common/waits';

const service = createCaptureService({
  modelBaseUrl: extensionUrl(`${MODEL_FILES.bundledIn}/`),
  wasmBaseUrl: extensionUrl('wasm/'),
  onStage: notifyProgress,
  onPreview: notifyPreview,
});
/** The capture under way: `cancel-capture` (its popup closed) aborts it wherever it is. */
let running: AbortController | undefined;
/** One capture at a time here, where the camera is; a warm-up only starts (or joins) the model load. */
const recognize = oneAtATime(async (request: RecognizeRequest) => {
  const controller = (running = new AbortController());
  try {
    return await service.recognize(request, controller.signal);
  } finally {
    running = undefined;
  }
});

async function cancelCapture(): Promise<{ cancelled: boolean }> {
  const cancelled = running !== undefined;
  running?.abort(popupClosedError());
  return { cancelled };
}

/** Idle a while: tell the background, which closes Chrome's offscreen document (and its models). */
const idle = createIdleWatch(CAPTURE_PAGE_IDLE_MS, () => {
  sendRequest({ target: 'background', type: 'capture-page-idle' }).catch(() => undefined);
});

const listener = createMessageListener(
  'offscreen',
  {
    'warm-up': ({ backend }) => idle.during(() => service.warmUp(backend)),
    'recognize-mood': ({ frames, countdownSeconds, backend }) =>
      idle.during(() => recognize({ frames, countdownSeconds, ...(backend ? { backend } : {}) })),
    'cancel-capture': cancelCapture,
  },
  extensionIdentity(),
);

/** This page's id; several may be open at once (a popup in a tab and the toolbar popup). */
const ownId = location.hash.slice(1);
const forAnotherPage = (raw: unknown) =>
  isRecord(raw) && raw.capturePage !== undefined && raw.capturePage !== ownId;

onMessage((raw, sender) => (forAnotherPage(raw) ? undefined : listener(raw, sender)));
