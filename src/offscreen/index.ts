/**
 * The capture page: hosts the capture engine (camera and models) and answers `offscreen` requests
 * from any of the extension's own pages; the background sends them, and the one-capture lock
 * holds whoever asks. Chrome opens it as an offscreen document; Firefox, which never lets a
 * background page use the camera, embeds it in the popup (src/ui/capture-frame) as
 * `offscreen.html#<id>`.
 */
import { oneAtATime } from '../capture/captureLock';
import { createCaptureService } from '../capture/captureService';
import { extensionIdentity, extensionUrl, notifyProgress, onMessage } from '../platform/browserApi';
import type { RecognizeRequest } from '../model/capture';
import { MODEL_FILES } from '../model/contract';
import { createMessageListener } from '../protocol/messages';
import { isRecord } from '../common/records';

const service = createCaptureService({
  modelBaseUrl: extensionUrl(`${MODEL_FILES.bundledIn}/`),
  wasmBaseUrl: extensionUrl('wasm/'),
  onStage: notifyProgress,
});
/** One capture at a time here, where the camera is; a warm-up only starts (or joins) the model load. */
const recognize = oneAtATime((request: RecognizeRequest) => service.recognize(request));

const listener = createMessageListener(
  'offscreen',
  {
    'warm-up': ({ backend }) => service.warmUp(backend),
    'recognize-mood': ({ frames, countdownSeconds, backend }) =>
      recognize({ frames, countdownSeconds, ...(backend ? { backend } : {}) }),
  },
  extensionIdentity(),
);

/** This page's id; several may be open at once (a popup in a tab and the toolbar popup). */
const ownId = location.hash.slice(1);
const forAnotherPage = (raw: unknown) =>
  isRecord(raw) && raw.capturePage !== undefined && raw.capturePage !== ownId;

onMessage((raw, sender) => (forAnotherPage(raw) ? undefined : listener(raw, sender)));
