import { meanBrightness } from '../recognition/brightness';
import { cameraError, MoodtabError } from '../common/errors';

/** An open webcam. Whoever opens it must call release(), also when anything fails. */
export interface Camera {
  /**
   * Resolves once auto-exposure has settled (the picture's brightness steady over a short window
   * and not black), or after `maxMs` whatever the picture does.
   */
  settle(options?: SettleOptions): Promise<void>;
  /** Takes `count` frames at least `intervalMs` apart, yielding each as soon as it is taken. */
  frames(count: number, intervalMs?: number): AsyncGenerator<ImageData>;
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
}

export interface CameraOptions {
  mediaDevices?: Pick<MediaDevices, 'getUserMedia'>;
}

const SAMPLE_MS = 50;
/** The settle check looks at a thumbnail: it needs the overall level, not detail. */
const PROBE_WIDTH = 32;
const PROBE_HEIGHT = 24;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

function context2d(width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new MoodtabError('internal', 'no 2D canvas to read the camera picture');
  return context;
}

async function requestStream(mediaDevices: Pick<MediaDevices, 'getUserMedia'>): Promise<MediaStream> {
  try {
    return await mediaDevices.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
      audio: false,
    });
  } catch (error) {
    throw cameraError(error);
  }
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
    async settle({ maxMs = 1000, windowMs = 150, tolerance = 3, minLevel = 30 } = {}) {
      const started = now();
      const samples: { at: number; level: number }[] = [];
      while (now() - started < maxMs) {
        const at = now();
        samples.push({ at, level: level() });
        const recent = samples.filter((sample) => sample.at >= at - windowMs).map((s) => s.level);
        const steady = Math.max(...recent) - Math.min(...recent) <= tolerance;
        if (at - started >= windowMs && steady && recent.at(-1)! >= minLevel) return;
        await sleep(SAMPLE_MS);
      }
    },
    async *frames(count, intervalMs = 150) {
      let last = -Infinity;
      for (let i = 0; i < count; i++) {
        const wait = last + intervalMs - now();
        if (wait > 0) await sleep(wait);
        last = now();
        frame.drawImage(video, 0, 0);
        yield frame.getImageData(0, 0, video.videoWidth, video.videoHeight);
      }
    },
    release,
  };
}

/**
 * Opens the webcam and starts its picture. Fails fast, before any model is needed, with a
 * specific error: no camera, permission denied, camera busy, or no picture.
 */
export async function openCamera({
  mediaDevices = navigator.mediaDevices,
}: CameraOptions = {}): Promise<Camera> {
  if (!mediaDevices?.getUserMedia) throw new MoodtabError('no-camera', 'this browser offers no camera API');
  const stream = await requestStream(mediaDevices);
  const video = document.createElement('video');
  const release = () => {
    stream.getTracks().forEach((track) => track.stop());
    video.pause();
    video.srcObject = null;
    return stream.getTracks().every((track) => track.readyState === 'ended');
  };
  try {
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    if (video.videoWidth === 0) throw new MoodtabError('no-camera', 'the camera delivered no picture');
    return cameraOver(video, release);
  } catch (error) {
    release();
    throw error;
  }
}
