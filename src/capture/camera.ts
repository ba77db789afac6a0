import { meanBrightness } from '../recognition/brightness';
import { cameraError, MoodtabError } from '../common/errors';
import { sleep, throwIfAborted, withLimit } from '../common/waits';
import { CAMERA_START_MS, FIRST_FRAME_MS } from '../model/limits';

/** An open webcam. Whoever opens it must call release(), also when anything fails. */
export interface Camera {
  /**
   * Resolves once auto-exposure has settled (the picture's brightness steady over a short window
   * and not black), or after `maxMs` whatever the picture does.
   */
  settle(options?: SettleOptions): Promise<void>;
  /**
   * Takes `count` frames at least `intervalMs` apart, yielding each as soon as it is taken; stops
   * (throws the abort reason) once `signal` aborts.
   */
  frames(count: number, intervalMs?: number, signal?: AbortSignal): AsyncGenerator<ImageData>;
  /**
   * The picture as it is now, as a small JPEG `width` pixels wide (base64, without a data: prefix),
   * for a live preview: made on request and never kept.
   */
  previewJpeg(width: number): string;
  /** Stops every track (safe to call twice); true when every track reports `ended`. */
  release(): boolean;
}

export interface SettleOptions {
  /** Give up waiting after this long, ms. */
  maxMs?: number;
  /** Brightness must stay within `tolerance` grey levels for this long, ms. */
  windowMs?: number;
  tolerance?: number;
  /** A picture darker than this (mean grey level) is a camera still starting, not a steady one. */
  minLevel?: number;
  /** Stops waiting (throws the abort reason) once aborted: the capture was cancelled. */
  signal?: AbortSignal;
}

export interface CameraOptions {
  mediaDevices?: Pick<MediaDevices, 'getUserMedia'>;
  /** Stops waiting for the camera (and releases it) once aborted. */
  signal?: AbortSignal;
  /** How long getUserMedia may take to answer, ms (CAMERA_START_MS). */
  startMs?: number;
  /** How long the opened camera may take to play its picture, ms (FIRST_FRAME_MS). */
  firstFrameMs?: number;
}

const SAMPLE_MS = 50;
/** A preview is a glance at the framing, not a photo: low quality keeps each frame a few kB. */
const PREVIEW_QUALITY = 0.6;
const JPEG_DATA_URL = 'data:image/jpeg;base64,';
/** The settle check looks at a thumbnail: it needs the overall level, not detail. */
const PROBE_WIDTH = 32;
const PROBE_HEIGHT = 24;

const now = () => performance.now();

function context2d(width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new MoodtabError('internal', 'no 2D canvas to read the camera picture');
  return context;
}

const stopTracks = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop());

/**
 * Asks for the camera, within `ms`. A stream that comes after the limit or the cancellation is
 * stopped as soon as it comes: the camera never stays on for a capture that gave up on it.
 */
async function requestStream(
  mediaDevices: Pick<MediaDevices, 'getUserMedia'>,
  { ms, signal }: { ms: number; signal?: AbortSignal },
): Promise<MediaStream> {
  const asked = mediaDevices.getUserMedia({
    video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
    audio: false,
  });
  try {
    return await withLimit(asked, { ms, code: 'camera-start-timeout', signal });
  } catch (error) {
    if (error instanceof MoodtabError) {
      asked.then(stopTracks, () => undefined);
      throw error;
    }
    throw cameraError(error);
  }
}

/** Draws the video `width` pixels wide into a reused canvas and returns it as a base64 JPEG. */
function previewOf(video: HTMLVideoElement): (width: number) => string {
  const canvas = document.createElement('canvas');
  return (width) => {
    const height = Math.round((width * video.videoHeight) / video.videoWidth);
    if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
    const context = canvas.getContext('2d');
    if (!context) throw new MoodtabError('internal', 'no 2D canvas to draw the preview');
    context.drawImage(video, 0, 0, width, height);
    const url = canvas.toDataURL('image/jpeg', PREVIEW_QUALITY);
    // A browser without a JPEG encoder answers PNG, which the preview message does not carry.
    if (!url.startsWith(JPEG_DATA_URL)) throw new MoodtabError('internal', 'no JPEG encoder');
    return url.slice(JPEG_DATA_URL.length);
  };
}

/** The camera over a playing video: a thumbnail to watch it settle, full frames for the burst. */
function cameraOver(video: HTMLVideoElement, release: () => boolean): Camera {
  const frame = context2d(video.videoWidth, video.videoHeight);
  const probe = context2d(PROBE_WIDTH, PROBE_HEIGHT);
  const level = () => {
    probe.drawImage(video, 0, 0, PROBE_WIDTH, PROBE_HEIGHT);
    return meanBrightness(probe.getImageData(0, 0, PROBE_WIDTH, PROBE_HEIGHT), PROBE_WIDTH);
  };
  return {
    async settle({ maxMs = 1000, windowMs = 150, tolerance = 3, minLevel = 30, signal } = {}) {
      const started = now();
      const samples: { at: number; level: number }[] = [];
      while (now() - started < maxMs) {
        throwIfAborted(signal);
        const at = now();
        samples.push({ at, level: level() });
        const recent = samples.filter((sample) => sample.at >= at - windowMs).map((s) => s.level);
        const steady = Math.max(...recent) - Math.min(...recent) <= tolerance;
        if (at - started >= windowMs && steady && recent.at(-1)! >= minLevel) return;
        await sleep(SAMPLE_MS, signal);
      }
    },
    async *frames(count, intervalMs = 150, signal) {
      let last = -Infinity;
      for (let i = 0; i < count; i++) {
        throwIfAborted(signal);
        const wait = last + intervalMs - now();
        if (wait > 0) await sleep(wait, signal);
        last = now();
        frame.drawImage(video, 0, 0);
        yield frame.getImageData(0, 0, video.videoWidth, video.videoHeight);
      }
    },
    previewJpeg: previewOf(video),
    release,
  };
}

/**
 * Opens the webcam and starts its picture. Fails fast, before any model is needed, with a
 * specific error: no camera, permission denied, camera busy, or no picture; and within its
 * limits: a camera that does not open (`camera-start-timeout`) or shows no picture
 * (`camera-no-picture`) is released and reported.
 */
export async function openCamera({
  mediaDevices = navigator.mediaDevices,
  signal,
  startMs = CAMERA_START_MS,
  firstFrameMs = FIRST_FRAME_MS,
}: CameraOptions = {}): Promise<Camera> {
  if (!mediaDevices?.getUserMedia) throw new MoodtabError('no-camera', 'this browser offers no camera API');
  const stream = await requestStream(mediaDevices, { ms: startMs, signal });
  const video = document.createElement('video');
  const release = () => {
    stopTracks(stream);
    video.pause();
    video.srcObject = null;
    return stream.getTracks().every((track) => track.readyState === 'ended');
  };
  try {
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await withLimit(video.play(), { ms: firstFrameMs, code: 'camera-no-picture', signal });
    if (video.videoWidth === 0) throw new MoodtabError('no-camera', 'the camera delivered no picture');
    return cameraOver(video, release);
  } catch (error) {
    release();
    throw error;
  }
}
