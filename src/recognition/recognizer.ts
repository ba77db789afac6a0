import { MoodtabError } from '../common/errors';
import type { Box, RecognitionResult } from '../model/recognition';
import { MOODS, topMood, type MoodProbabilities } from '../model/moods';

export type { RgbaImage } from './align';
import { alignFace, computeAlignment, toRgbTensor, type RgbaImage } from './align';
import { meanBrightness } from './brightness';
import { createFaceDetector, type FaceDetector, type FaceDetectorConfig } from './faceDetector';
import { createMoodClassifier, type MoodClassifier, type MoodClassifierConfig } from './moodClassifier';
import { blendMoods, type BlendParams } from './blend';
import {
  createExpressionClassifier,
  EXPRESSION_CROP_SCALE,
  EXPRESSION_INPUT_SIZE,
  type ExpressionClassifier,
  type ExpressionClassifierConfig,
} from './expressionClassifier';
import * as tf from '@tensorflow/tfjs-core';

export interface MoodRecognizerConfig {
  detector: FaceDetectorConfig;
  classifier: MoodClassifierConfig;
  /** The second opinion (face-api.js's expression net) and how it is blended; off when absent. */
  expression?: ExpressionClassifierConfig & { blend: BlendParams };
  /**
   * Faces narrower than this (box width, pixels) are too small to read. Default 48: FER2013's own
   * face size, and below it the face mesh's landmarks become unreliable.
   */
  minFaceSize?: number;
  /** Frames whose mean grey level is below this (0..255) are too dark. Default 30. */
  minBrightness?: number;
}

/** Which face of a picture to read: its place among the faces found, largest first (0: the largest). */
export interface ReadOptions {
  face?: number;
}

export interface MoodRecognizer {
  recognize(image: RgbaImage, options?: ReadOptions): Promise<RecognitionResult>;
  /** Where the faces in a picture are, largest first: the order ReadOptions.face counts in. */
  findFaces(image: RgbaImage): Promise<Box[]>;
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
  sources: NonNullable<RecognitionResult['sources']>;
  box: Box;
  faces: number;
  crop: number[];
  timings: Record<string, number>;
}

/** The second opinion as recognizerFrom takes it: the loaded net and its blend. */
export interface SecondOpinion {
  classifier: ExpressionClassifier;
  blend: BlendParams;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export async function createMoodRecognizer(config: MoodRecognizerConfig): Promise<MoodRecognizer> {
  const [detector, classifier, expression] = await Promise.allSettled([
    createFaceDetector(config.detector),
    createMoodClassifier(config.classifier),
    config.expression ? createExpressionClassifier(config.expression) : Promise.resolve(undefined),
  ]);
  if (
    detector.status === 'rejected' ||
    classifier.status === 'rejected' ||
    expression.status === 'rejected'
  ) {
    // The parts that did load must not keep their weights: a failed load is retried from scratch.
    const parts = [detector, classifier, expression];
    for (const part of parts) if (part.status === 'fulfilled') part.value?.dispose();
    throw parts.find((part): part is PromiseRejectedResult => part.status === 'rejected')!.reason;
  }
  const secondOpinion =
    expression.value && config.expression
      ? { classifier: expression.value, blend: config.expression.blend }
      : undefined;
  return recognizerFrom(detector.value, classifier.value, config, secondOpinion);
}

/**
 * The face as face-api.js's expression net was trained to see it: a square a little larger than
 * the detector's box (face-api's own detector draws looser boxes than the face mesh), in colour,
 * 112x112 (levels 0..255); outside the frame is black, as face-api pads.
 */
export function squareFaceCrop(rgb: tf.Tensor3D, box: Box, size = EXPRESSION_INPUT_SIZE): tf.Tensor4D {
  return tf.tidy(() => {
    const [height, width] = rgb.shape;
    const side = Math.max(box.width, box.height) * EXPRESSION_CROP_SCALE;
    const top = box.y + box.height / 2 - side / 2;
    const left = box.x + box.width / 2 - side / 2;
    const normalised = [
      top / (height - 1),
      left / (width - 1),
      (top + side) / (height - 1),
      (left + side) / (width - 1),
    ];
    return tf.image.cropAndResize(tf.expandDims(rgb, 0) as tf.Tensor4D, [normalised], [0], [size, size]);
  });
}

/**
 * Both nets' readings of one face (each averaged with its mirror image) and their blend; each
 * net's time goes in `timings` (classify: the DenseNet, expression: the second opinion).
 */
async function readFace(
  classifier: MoodClassifier,
  secondOpinion: SecondOpinion | undefined,
  face: tf.Tensor4D,
  square: tf.Tensor4D | undefined,
  timings: Record<string, number>,
): Promise<Pick<FrameReading, 'probabilities' | 'sources'>> {
  let started = now();
  const [densenet] = await classifier.classify(face);
  timings.classify = now() - started;
  if (!secondOpinion || !square) return { probabilities: densenet!, sources: { densenet: densenet! } };
  started = now();
  const logs = tf.tidy(() => {
    // The face and its mirror image in one batch: one pass through the net instead of two.
    const both = tf.concat([square, tf.reverse(square, 2)]) as tf.Tensor4D;
    return tf.log(tf.mean(tf.exp(secondOpinion.classifier.logProbabilities(both)), 0, true));
  });
  const values = await logs.data().finally(() => logs.dispose());
  timings.expression = now() - started;
  const expression = Object.fromEntries(
    MOODS.map((mood, i) => [mood, Math.exp(values[i]!)]),
  ) as MoodProbabilities;
  return {
    probabilities: blendMoods(densenet!, values, secondOpinion.blend),
    sources: { densenet: densenet!, expression },
  };
}

/** The mood averaged over the frames; the face shown and counted is the first frame's. */
function combine(readings: FrameReading[]): RecognitionResult {
  const first = readings[0]!;
  const mean = (pick: (reading: FrameReading) => MoodProbabilities | undefined) =>
    Object.fromEntries(
      MOODS.map((mood) => [mood, readings.reduce((s, r) => s + pick(r)![mood], 0) / readings.length]),
    ) as MoodProbabilities;
  const probabilities = mean((r) => r.probabilities);
  const timings: Record<string, number> = {};
  for (const reading of readings) {
    for (const [stage, ms] of Object.entries(reading.timings)) timings[stage] = (timings[stage] ?? 0) + ms;
  }
  return {
    mood: topMood(probabilities),
    probabilities,
    sources: {
      densenet: mean((r) => r.sources.densenet),
      ...(first.sources.expression ? { expression: mean((r) => r.sources.expression) } : {}),
    },
    faces: first.faces,
    face: { box: first.box, crop: first.crop },
    frames: readings.length,
    timings,
  };
}

interface Limits {
  minFaceSize: number;
  minBrightness: number;
  /** The face to read, largest first. */
  face: number;
}

/** Finds the largest face and crops it upright ([1, 48, 48, 1] grey) and, for the second opinion, square in colour. */
async function cropFace(
  detector: FaceDetector,
  image: RgbaImage,
  { minFaceSize, minBrightness, face: faceIndex }: Limits,
  withSquare: boolean,
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
    const detected = faces[faceIndex];
    if (!detected) throw new MoodtabError('no-face', faces.length ? `no face #${faceIndex + 1}` : undefined);
    if (detected.box.width < minFaceSize) {
      throw new MoodtabError('face-too-small', `face ${detected.box.width.toFixed(0)} px wide`);
    }
    started = now();
    const face = alignFace(rgb, computeAlignment(detected.keypoints));
    const square = withSquare ? squareFaceCrop(rgb, detected.box) : undefined;
    timings.align = now() - started;
    return { face, square, box: detected.box, faces: faces.length };
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
  secondOpinion: SecondOpinion | undefined,
  limits: Limits,
  image: RgbaImage,
): Promise<FrameReading> {
  const timings: Record<string, number> = {};
  const { face, square, box, faces } = await cropFace(detector, image, limits, !!secondOpinion, timings);
  try {
    const reading = await readFace(classifier, secondOpinion, face, square, timings);
    const crop = Array.from(await face.data(), (level) => Math.round(level));
    return { ...reading, box, faces, crop, timings };
  } finally {
    face.dispose();
    square?.dispose();
  }
}

/** Builds a recognizer from already created parts (tests and benchmarks reuse models). */
export function recognizerFrom(
  detector: FaceDetector,
  classifier: MoodClassifier,
  { minFaceSize = 48, minBrightness = 30 }: Pick<MoodRecognizerConfig, 'minFaceSize' | 'minBrightness'> = {},
  secondOpinion?: SecondOpinion,
): MoodRecognizer {
  const read = (image: RgbaImage, face = 0) =>
    readFrame(detector, classifier, secondOpinion, { minFaceSize, minBrightness, face }, image);
  return {
    async recognize(image, { face } = {}) {
      return combine([await read(image, face)]);
    },
    async findFaces(image) {
      const rgb = toRgbTensor(image);
      try {
        return (await detector.detect(rgb)).map((face) => face.box);
      } finally {
        rgb.dispose();
      }
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
      secondOpinion?.classifier.dispose();
    },
  };
}
