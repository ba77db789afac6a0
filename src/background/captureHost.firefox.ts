/**
 * Firefox capture host: Firefox has no offscreen documents, but its MV3 background page has a
 * DOM and may use the camera once permission was granted, so recognition runs right here.
 */
import { extensionUrl, notifyProgress } from '../platform/browserApi';
import { createCaptureService } from '../offscreen/captureService';
import type { CaptureHost } from './captureHost.types';

export function createCaptureHost(): CaptureHost {
  const service = createCaptureService({
    modelBaseUrl: extensionUrl('models/'),
    onStage: notifyProgress,
  });
  return { recognize: (frames) => service.recognize(frames) };
}
