/** Chrome's offscreen document: hosts the capture engine (camera and models); answers the background only. */
import { createCaptureService } from '../capture/captureService';
import { extensionIdentity, extensionUrl, notifyProgress, onMessage } from '../platform/browserApi';
import { createMessageListener } from '../shared/messages';

const service = createCaptureService({
  modelBaseUrl: extensionUrl('models/'),
  wasmBaseUrl: extensionUrl('wasm/'),
  onStage: notifyProgress,
});

onMessage(
  createMessageListener(
    'offscreen',
    {
      'warm-up': ({ backend }) => service.warmUp(backend),
      'recognize-mood': ({ frames, countdownSeconds, backend }) =>
        service.recognize({ frames, countdownSeconds, ...(backend ? { backend } : {}) }),
    },
    extensionIdentity(),
  ),
);
