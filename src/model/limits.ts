/**
 * Every time limit of the capture path, in one place (README lists them with what the user sees).
 * Each wait that could hang ends with its own error: the camera is released, the busy flags of the
 * background and of the capture page are cleared, and the next capture can start.
 *
 * The stage limits come first; each message's round trip is longer than the stages it waits for,
 * so a stage that hangs is reported by its own error, not as a message that got no answer.
 */
import { MAX_COUNTDOWN_SECONDS } from './capture';

/** getUserMedia answers: the camera opens or says why not (`camera-start-timeout`). */
export const CAMERA_START_MS = 10_000;
/** The opened camera starts its picture: the video plays (`camera-no-picture`). */
export const FIRST_FRAME_MS = 5_000;
/** The backend and the models load, from the start of the load (`model-load-timeout`). */
export const MODEL_LOAD_MS = 60_000;
/** The models read the burst, from the first frame (`reading-timeout`). */
export const READING_MS = 20_000;
/** A just-opened popup's capture page starts answering (Firefox; then `no-answer`). */
export const CAPTURE_PAGE_WAIT_MS = 10_000;
/** Whatever else a message waits for: storage, a tab opening, the camera settling (1 s at most). */
const SLACK_MS = 5_000;

/** Round trip of a request that stores something or opens a tab (a pick, feedback, progress). */
export const REQUEST_ROUND_TRIP_MS = 15_000;
/** Round trip of a warm-up: the capture page loads the models. */
export const WARM_UP_ROUND_TRIP_MS = CAPTURE_PAGE_WAIT_MS + MODEL_LOAD_MS + SLACK_MS;
/** Round trip of a reading from the capture page: camera, countdown, models, reading. */
export const RECOGNIZE_ROUND_TRIP_MS =
  CAPTURE_PAGE_WAIT_MS +
  CAMERA_START_MS +
  FIRST_FRAME_MS +
  MAX_COUNTDOWN_SECONDS * 1000 +
  MODEL_LOAD_MS +
  READING_MS +
  SLACK_MS;
/** The page that offered a photo hands the file to the capture page (src/protocol/photoChannel.ts). */
export const PHOTO_HAND_OVER_MS = 5_000;
/**
 * Round trip of a photo's reading in the capture page (the options page's photo reader): the page
 * opens, takes the file, the models load, then the photo has a capture's reading limit twice
 * (finding the faces, reading the one chosen), as readImage gives it (src/capture/captureService.ts).
 */
export const READ_PHOTO_ROUND_TRIP_MS =
  CAPTURE_PAGE_WAIT_MS + PHOTO_HAND_OVER_MS + MODEL_LOAD_MS + 2 * READING_MS + SLACK_MS;
/** Round trip of the popup's capture: the reading, then the permission check, storage and the tab. */
export const CAPTURE_ROUND_TRIP_MS = RECOGNIZE_ROUND_TRIP_MS + REQUEST_ROUND_TRIP_MS;

/**
 * Chrome's offscreen document (tfjs and the models, tens of MB) closes after this long without a
 * request, and opens again on demand (the popup's warm-up, or a capture).
 */
export const CAPTURE_PAGE_IDLE_MS = 5 * 60_000;
