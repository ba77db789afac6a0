import { MoodtabError } from '../common/errors';
import type { Box, RecognitionResult } from '../model/recognition';
import { MOODS, topMood, type MoodProbabilities } from '../model/moods';

export type { RgbaImage } from './align';
import { alignFace, computeAlignment, toRgbTensor, type RgbaImage } from './align';
import { meanBrightness } from './brightness';
import { createFaceDetector, type FaceDetector, type FaceDetectorConfig } from './faceDetector';
import { createMoodClassifier, type MoodClassifier, type MoodClassifierConfig } from './moodClassifier';

export interface MoodRecognizerConfig {
  detector: FaceDetectorConfig;
  classifier: MoodClassifierConfig;
  /**
   * Faces narrower than this (box width, pixels) are too small to read. Default 48: FER2013's own
   * face size, and below it the face mesh's landmarks become unreliable.
   */
  minFaceSize?: number;
  /** Frames whose mean grey level is below this (0..255) are too dark. Default 30. */
  minBrightness?: number;
}

export interface MoodRecognizer {
  recognize(image: RgbaImage): Promise<RecognitionResult>;
  /**
   * Averages the mood over several frames; frames without a usable face are skipped. Each frame
   * is read as soon as the sequence yields it, so a camera's burst and the reading overlap.
   */
  recognizeBurst(images: Iterable<RgbaImage> | AsyncIterable<RgbaImage>): Promise<RecognitionResult>;
  dispose(): void;
}

/** One frame's reading: its probabilities and where and what the face was. */
interface FrameReading {
  probabilities: MoodProbabilities;
  box: Box;
  faces: number;
  crop: number[];
  timings: Record<string, number>;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export async function createMoodRecognizer(config: MoodRecognizerConfig): Promise<MoodRecognizer> {
  const [detector, classifier] = await Promise.allSettled([
    createFaceDetector(config.detector),
    createMoodClassifier(config.classifier),
  ]);
  if (detector.status === 'rejected' || classifier.status === 'rejected') {
    // The part that did load must not keep its weights: a failed load is retried from scratch.
    if (detector.status === 'fulfilled') detector.value.dispose();
    if (classifier.status === 'fulfilled') classifier.value.dispose();
    throw detector.status === 'rejected' ? detector.reason : (classifier as PromiseRejectedResult).reason;
  }
  return recognizerFrom(detector.value, classifier.value, config);
}

interface Limits {
  minFaceSize: number;
  minBrightness: number;
}

/** Finds the largest face and crops it upright: [1, 48, 48, 1] grey levels. */
async function cropFace(
  detector: FaceDetector,
  image: RgbaImage,
  { minFaceSize, minBrightness }: Limits,
  timings: Record<string, number>,
) {
  let started = now();
  const brightness = meanBrightness(image);
  timings.brightness = now() - started;
  if (brightness < minBrightness)
    throw new MoodtabError('too-dark', `mean grey level ${brightness.toFixed(0)}`);
  started = now();
  const rgb = toRgbTensor(image);
  timings.toTensor = now() - started;
  try {
    started = now();
    const faces = await detector.detect(rgb);
    timings.detectAndLandmarks = now() - started;
    const detected = faces[0];
    if (!detected) throw new MoodtabError('no-face');
    if (detected.box.width < minFaceSize) {
      throw new MoodtabError('face-too-small', `face ${detected.box.width.toFixed(0)} px wide`);
    }
    started = now();
    const face = alignFace(rgb, computeAlignment(detected.keypoints));
    timings.align = now() - started;
    return { face, box: detected.box, faces: faces.length };
  } finally {
    rgb.dispose();
  }
}

/**
 * Reads one frame. Each frame is classified on its own as soon as it is cropped, so in a burst the
 * work is done between the camera's frames and only the last frame's is left when the burst ends.
 */
async function readFrame(
  detector: FaceDetector,
  classifier: MoodClassifier,
  limits: Limits,
  image: RgbaImage,
): Promise<FrameReading> {
  const timings: Record<string, number> = {};
  const { face, box, faces } = await cropFace(detector, image, limits, timings);
  try {
    const started = now();
    const [probabilities] = await classifier.classify(face);
    const crop = Array.from(await face.data(), (level) => Math.round(level));
    timings.classify = now() - started;
    return { probabilities: probabilities!, box, faces, crop, timings };
  } finally {
    face.dispose();
  }
}

/** The mood averaged over the frames; the face shown and counted is the first frame's. */
function combine(readings: FrameReading[]): RecognitionResult {
  const first = readings[0]!;
  const probabilities = Object.fromEntries(
    MOODS.map((mood) => [mood, readings.reduce((s, r) => s + r.probabilities[mood], 0) / readings.length]),
  ) as MoodProbabilities;
  const timings: Record<string, number> = {};
  for (const reading of readings) {
    for (const [stage, ms] of Object.entries(reading.timings)) timings[stage] = (timings[stage] ?? 0) + ms;
  }
  return {
    mood: topMood(probabilities),
    probabilities,
    faces: first.faces,
    face: { box: first.box, crop: first.crop },
    frames: readings.length,
    timings,
  };
}

/** Builds a recognizer from already created parts (tests and benchmarks reuse models). */
export function recognizerFrom(
  detector: FaceDetector,
  classifier: MoodClassifier,
  { minFaceSize = 48, minBrightness = 30 }: Pick<MoodRecognizerConfig, 'minFaceSize' | 'minBrightness'> = {},
): MoodRecognizer {
  const read = (image: RgbaImage) => readFrame(detector, classifier, { minFaceSize, minBrightness }, image);
  return {
    async recognize(image) {
      return combine([await read(image)]);
    },
    async recognizeBurst(images) {
      const readings: FrameReading[] = [];
      let firstError: unknown;
      for await (const image of images) {
        try {
          readings.push(await read(image));
        } catch (error) {
          if (!(error instanceof MoodtabError)) throw error;
          firstError ??= error; // a frame without a usable face is skipped
        }
      }
      if (readings.length === 0) throw firstError ?? new MoodtabError('no-face');
      return combine(readings);
    },
    dispose() {
      detector.dispose();
      classifier.dispose();
    },
  };
}
