import { cameraError, MoodtabError } from '../shared/errors';

export interface CameraCapture {
  frames: ImageData[];
  /** True when every track of the stream reports `ended` after the capture. */
  released: boolean;
}

export interface CameraOptions {
  frames: number;
  /** Pause between frames of a burst, ms. */
  intervalMs?: number;
  /** Let auto-exposure settle before the first frame, ms. */
  warmUpMs?: number;
  mediaDevices?: Pick<MediaDevices, 'getUserMedia'>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the camera, grabs `frames` snapshots, and always stops every track before returning. */
export async function captureFrames({
  frames,
  intervalMs = 150,
  warmUpMs = 400,
  mediaDevices = navigator.mediaDevices,
}: CameraOptions): Promise<CameraCapture> {
  if (!mediaDevices?.getUserMedia) throw new MoodtabError('no-camera', 'this browser offers no camera API');
  let stream: MediaStream;
  try {
    stream = await mediaDevices.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
      audio: false,
    });
  } catch (error) {
    throw cameraError(error);
  }
  const video = document.createElement('video');
  const captured: ImageData[] = [];
  try {
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    await sleep(warmUpMs);
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context || canvas.width === 0)
      throw new MoodtabError('no-camera', 'the camera delivered no picture');
    for (let i = 0; i < frames; i++) {
      if (i > 0) await sleep(intervalMs);
      context.drawImage(video, 0, 0);
      captured.push(context.getImageData(0, 0, canvas.width, canvas.height));
    }
  } finally {
    stream.getTracks().forEach((track) => track.stop());
    video.pause();
    video.srcObject = null;
  }
  return { frames: captured, released: stream.getTracks().every((track) => track.readyState === 'ended') };
}
