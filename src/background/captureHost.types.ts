import type { BackendName } from '../shared/backend';
import type { CaptureReading, RecognizeRequest, WarmUpReport } from '../shared/capture';

/** Where recognition runs: Chrome's offscreen document, or Firefox's background page itself. */
export interface CaptureHost {
  /** Loads the models now (backend: the stored choice for this browser); resolves when ready. */
  warmUp(backend?: BackendName): Promise<WarmUpReport>;
  recognize(request: RecognizeRequest): Promise<CaptureReading>;
}
