/**
 * Firefox capture host: Firefox has no offscreen documents, but its MV3 background page has a
 * DOM and may use the camera once permission was granted, so the capture engine runs right here.
 */
import { createCaptureService } from '../capture/captureService';
import { extensionUrl, notifyProgress } from '../platform/browserApi';
import type { CaptureHost } from './captureHost.types';

export function createCaptureHost(): CaptureHost {
  return createCaptureService({
    modelBaseUrl: extensionUrl('models/'),
    wasmBaseUrl: extensionUrl('wasm/'),
    onStage: notifyProgress,
  });
}
