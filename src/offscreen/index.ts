/**
 * The capture page: hosts the capture engine (camera and models) and answers the background only.
 * Chrome opens it as an offscreen document; Firefox, which never lets a background page use the
 * camera, embeds it in the popup (components/capture-frame).
 */
import { oneAtATime } from '../capture/captureLock';
import { createCaptureService } from '../capture/captureService';
import { extensionIdentity, extensionUrl, notifyProgress, onMessage } from '../platform/browserApi';
import { createMessageListener } from '../shared/messages';

const service = createCaptureService({ modelBaseUrl: extensionUrl('models/'), onStage: notifyProgress });
const recognize = oneAtATime((frames: number) => service.recognize(frames));

onMessage(
  createMessageListener(
    'offscreen',
    { 'recognize-mood': ({ frames }) => recognize(frames) },
    extensionIdentity(),
  ),
);
