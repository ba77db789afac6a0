/**
 * Waits that end: each has a time limit, a cancellation, or both. A limit fails with its own
 * MoodtabError, a cancellation with the signal's reason (MoodtabError('cancelled')), and the timer
 * is cleared either way, so nothing is left pending.
 */
import { MoodtabError, type ErrorCode } from './errors';

/** The error a cancelled capture ends with, and the reason its signal is aborted with. */
export const cancelledError = (detail?: string): MoodtabError => new MoodtabError('cancelled', detail);

/** A popup capture's end when its popup closed (the detail is for developers; users see `cancelled`'s text). */
export const popupClosedError = (): MoodtabError =>
  cancelledError('the popup that asked for this capture closed'); // i18n-exempt: a developers' detail

/** What an aborted signal throws: its reason when that is a MoodtabError, else `cancelled`. */
export function abortReason(signal: AbortSignal): MoodtabError {
  return signal.reason instanceof MoodtabError ? signal.reason : cancelledError();
}

/** Throws the abort reason when `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

export interface Limit {
  /** Give up after this long, ms. */
  ms?: number;
  /** The error a wait past `ms` fails with. */
  code?: ErrorCode;
  detail?: string;
  signal?: AbortSignal;
}

/**
 * `promise`, unless `ms` pass first (MoodtabError(code)) or `signal` aborts (its reason). The work
 * behind `promise` is not stopped: the caller releases what it holds (its `finally` runs now).
 */
export function withLimit<T>(
  promise: Promise<T>,
  { ms, code = 'internal', detail, signal }: Limit,
): Promise<T> {
  if (signal?.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortReason(signal));
  }
  if (ms === undefined && !signal) return promise;
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => finish(() => reject(abortReason(signal!)));
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    if (ms !== undefined) timer = setTimeout(() => finish(() => reject(new MoodtabError(code, detail))), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** Rejects with the signal's reason as soon as it aborts; otherwise `promise` as it is. */
export const untilAborted = <T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> =>
  withLimit(promise, { signal });

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  if (!signal) return done;
  return untilAborted(done, signal).finally(() => clearTimeout(timer));
}
