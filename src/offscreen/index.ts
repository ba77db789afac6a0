/** Chrome's offscreen document: hosts the capture engine (camera and models); answers the background only. */
import { createCaptureService } from '../capture/captureService';
import { extensionIdentity, extensionUrl, notifyProgress, onMessage } from '../platform/browserApi';
import { createMessageListener } from '../shared/messages';

const service = createCaptureService({ modelBaseUrl: extensionUrl('models/'), onStage: notifyProgress });

onMessage(
  createMessageListener(
    'offscreen',
    { 'recognize-mood': ({ frames }) => service.recognize(frames) },
    extensionIdentity(),
  ),
);
