import { throwIfAborted } from '../common/waits';
import { sendRequest } from '../platform/browserApi';

/**
 * Runs a capture page's reading; once `signal` aborts (the popup closed), tells that page to stop
 * and release the camera. The reading itself fails with the abort reason (sendRequest's signal).
 */
export async function cancelOnAbort<R>(
  signal: AbortSignal | undefined,
  read: () => Promise<R>,
  capturePage?: string,
): Promise<R> {
  const cancel = () =>
    void sendRequest({
      target: 'offscreen',
      type: 'cancel-capture',
      ...(capturePage ? { capturePage } : {}),
    }).catch(
      () => undefined, // the page is gone already (Firefox: with its popup), and the camera with it
    );
  // Cancelled before the reading began (an abort listener added now would never fire): read nothing.
  throwIfAborted(signal);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await read();
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
