/** Chrome's offscreen document: owns the camera and the models; answers the background only. */
import { extensionIdentity, extensionUrl, notifyProgress, onMessage } from '../platform/browserApi';
import { createMessageListener } from '../shared/messages';
import { createCaptureService } from './captureService';

const service = createCaptureService({
  modelBaseUrl: extensionUrl('models/'),
  onStage: notifyProgress,
});

onMessage(
  createMessageListener(
    'offscreen',
    {
      'recognize-mood': ({ frames }) => service.recognize(frames),
      'warm-up': async () => ({ backend: await service.warmUp() }),
    },
    extensionIdentity(),
  ),
);
