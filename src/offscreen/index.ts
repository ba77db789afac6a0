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
import { CAPTURE_PAGE_IDLE_MS, PHOTO_HAND_OVER_MS } from '../model/limits';
import type { PhotoReading } from '../model/recognition';
import { decodePhoto, fileProblem } from '../common/photo';
import { MoodtabError } from '../common/errors';
import { takePhoto } from '../protocol/photoChannel';
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
/**
 * One reading at a time here, camera or photo: the models keep state between calls, so a photo
 * during a capture is refused (capture-in-progress) as a second capture is. A warm-up only starts
 * (or joins) the model load.
 */
const one = oneAtATime(<R>(read: () => Promise<R>) => read());
const recognize = (request: RecognizeRequest) =>
  one(async () => {
    const controller = (running = new AbortController());
    try {
      return await service.recognize(request, controller.signal);
    } finally {
      running = undefined;
    }
  });

/**
 * A photo offered by one of the extension's pages (the options page): taken over the same-origin
 * channel, checked and decoded here as the page did, and read; nothing is kept.
 */
async function readPhoto(id: string, face?: number): Promise<PhotoReading> {
  const file = await takePhoto(id, PHOTO_HAND_OVER_MS);
  // The page refused these already; a file that gets here anyway is no photo for this reader.
  if (fileProblem(file)) throw new MoodtabError('bad-message', 'not a photo Moodtab reads');
  const image = await decodePhoto(file).catch(() => {
    throw new MoodtabError('bad-message', 'the photo could not be decoded');
  });
  return one(() => service.readImage(image, face));
}

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
    'read-photo': ({ photo, face }) => idle.during(() => readPhoto(photo, face)),
  },
  extensionIdentity(),
);

/** This page's id; several may be open at once (a popup in a tab and the toolbar popup). */
const ownId = location.hash.slice(1);
const forAnotherPage = (raw: unknown) =>
  isRecord(raw) && raw.capturePage !== undefined && raw.capturePage !== ownId;

onMessage((raw, sender) => (forAnotherPage(raw) ? undefined : listener(raw, sender)));
