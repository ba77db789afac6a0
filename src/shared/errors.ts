/** Every failure a user can meet, with the message the popup shows for it. */
export const ERROR_MESSAGES = {
  'no-camera': 'No camera was found. Connect a webcam and try again.',
  'camera-permission-needed':
    'Moodtab needs one-time permission to use your camera. Allow it in the Moodtab permission tab, then capture again.',
  'camera-permission-denied':
    'Camera access was blocked. Allow the camera for Moodtab in your browser settings, then capture again.',
  'camera-busy': 'The camera is in use by another application. Close it and try again.',
  'no-face': 'No face was found. Face the camera in good light and try again.',
  'face-too-small': 'Your face is too far from the camera. Move closer and try again.',
  'too-dark': 'The picture is too dark to read a mood. Turn on a light and try again.',
  'model-load-failed': 'The mood model could not be loaded. Reinstalling Moodtab should fix this.',
  'capture-in-progress': 'A capture is already running. Wait for it to finish.',
  interrupted:
    'The capture was interrupted before it finished (part of Moodtab stopped). Please capture again.',
  'storage-full':
    'Your choices could not be saved: the browser storage for Moodtab is full. Your earlier choices are kept.',
  'bad-message': 'Moodtab received a malformed request and ignored it.',
  internal: 'Something went wrong inside Moodtab. Please try again.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  detail?: string;
}

export class MoodtabError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${ERROR_MESSAGES[code]} (${detail})` : ERROR_MESSAGES[code]);
    this.name = 'MoodtabError';
  }
}

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);

/** Serialisable form of any thrown value; unknown errors become "internal" with their text as detail. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof MoodtabError) {
    return {
      code: error.code,
      message: ERROR_MESSAGES[error.code],
      ...(error.detail ? { detail: error.detail } : {}),
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: ERROR_MESSAGES.internal, detail };
}

/**
 * Maps getUserMedia's DOMException names to the errors a user can act on; the capture engine and
 * the permission page both ask for the camera.
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
