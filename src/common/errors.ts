/**
 * Every failure a user can meet, and the message key (in _locales) the pages show for it. The
 * Error's own text is for developers' logs: code and detail, in English.
 */
import type { MessageKey } from './i18n';

export const ERROR_MESSAGE_KEYS = {
  'no-camera': 'error_noCamera',
  'camera-permission-needed': 'error_cameraPermissionNeeded',
  'camera-permission-denied': 'error_cameraPermissionDenied',
  'camera-busy': 'error_cameraBusy',
  'no-face': 'error_noFace',
  'face-too-small': 'error_faceTooSmall',
  'too-dark': 'error_tooDark',
  'model-load-failed': 'error_modelLoadFailed',
  'capture-in-progress': 'error_captureInProgress',
  interrupted: 'error_interrupted',
  'storage-full': 'error_storageFull',
  'journal-full': 'error_journalFull',
  'bad-message': 'error_badMessage',
  internal: 'error_internal',
  // A wait of the capture path that passed its limit (src/model/limits.ts), and a cancelled capture.
  'camera-start-timeout': 'error_cameraStartTimeout',
  'camera-no-picture': 'error_cameraNoPicture',
  'model-load-timeout': 'error_modelLoadTimeout',
  'reading-timeout': 'error_readingTimeout',
  'no-answer': 'error_noAnswer',
  cancelled: 'error_cancelled',
} as const satisfies Record<string, MessageKey>;

export type ErrorCode = keyof typeof ERROR_MESSAGE_KEYS;

export interface ErrorInfo {
  code: ErrorCode;
  detail?: string;
}

export class MoodtabError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'MoodtabError';
  }
}

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGE_KEYS, value);

/** The message key for an error code: what the user is told. */
export const errorMessageKey = (code: ErrorCode): MessageKey => ERROR_MESSAGE_KEYS[code];

/** Serialisable form of any thrown value; unknown errors become "internal" with their text as detail. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof MoodtabError) {
    return { code: error.code, ...(error.detail ? { detail: error.detail } : {}) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', detail };
}

/**
 * Maps getUserMedia's DOMException names to the errors a user can act on; the capture engine and
 * the welcome page both ask for the camera.
 */
export function cameraError(error: unknown): MoodtabError {
  const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
  };
  const detail = typeof message === 'string' ? message : undefined;
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new MoodtabError('camera-permission-denied', detail);
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new MoodtabError('no-camera', detail);
    case 'NotReadableError':
    case 'AbortError':
      return new MoodtabError('camera-busy', detail);
    default:
      return new MoodtabError('internal', `camera: ${detail ?? String(error)}`);
  }
}

/** Whether a failed storage write failed for lack of room (Chrome: QUOTA_BYTES; Firefox: QuotaExceededError). */
export function isQuotaError(error: unknown): boolean {
  // saveStored (src/platform) already names a full storage area so.
  if (error instanceof MoodtabError && error.code === 'storage-full') return true;
  const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
  };
  return /quota/i.test(`${String(name)} ${String(message ?? error)}`);
}
