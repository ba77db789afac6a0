import * as tf from '@tensorflow/tfjs-core';
import { MoodtabError } from '../shared/errors';
import type { RecognitionResult } from '../shared/recognition';
import { MOODS, topMood, type MoodProbabilities } from '../shared/moods';

export type { RgbaImage } from './align';
import { alignFace, computeAlignment, toGrey, toRgbTensor, type RgbaImage } from './align';
import {
  createFaceDetector,
  type DetectedFace,
  type FaceDetector,
  type FaceDetectorConfig,
} from './faceDetector';
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
  /** Averages the mood over several frames; frames without a usable face are skipped. */
  recognizeBurst(images: RgbaImage[]): Promise<RecognitionResult>;
  dispose(): void;
}

interface PreparedFrame {
  face: tf.Tensor4D;
  detected: DetectedFace;
  faces: number;
  timings: Record<string, number>;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export async function createMoodRecognizer(config: MoodRecognizerConfig): Promise<MoodRecognizer> {
  const [detector, classifier] = await Promise.all([
    createFaceDetector(config.detector),
    createMoodClassifier(config.classifier),
  ]);
  return recognizerFrom(detector, classifier, config);
}

/** Builds a recognizer from already created parts (tests and benchmarks reuse models). */
export function recognizerFrom(
  detector: FaceDetector,
  classifier: MoodClassifier,
  { minFaceSize = 48, minBrightness = 30 }: Pick<MoodRecognizerConfig, 'minFaceSize' | 'minBrightness'> = {},
): MoodRecognizer {
  async function prepare(image: RgbaImage): Promise<PreparedFrame> {
    const started = now();
    const rgb = toRgbTensor(image);
    const grey = toGrey(rgb);
    try {
      const meanGrey = tf.mean(grey);
      const brightness = (await meanGrey.data())[0]!;
      meanGrey.dispose();
      if (brightness < minBrightness)
        throw new MoodtabError('too-dark', `mean grey level ${brightness.toFixed(0)}`);
      const detectStarted = now();
      const faces = await detector.detect(rgb);
      const detected = faces[0];
      if (!detected) throw new MoodtabError('no-face');
      if (detected.box.width < minFaceSize) {
        throw new MoodtabError('face-too-small', `face ${detected.box.width.toFixed(0)} px wide`);
      }
      const alignStarted = now();
      const face = alignFace(grey, computeAlignment(detected.keypoints));
      return {
        face,
        detected,
        faces: faces.length,
        timings: {
          decode: detectStarted - started,
          detectAndLandmarks: alignStarted - detectStarted,
          align: now() - alignStarted,
        },
      };
    } finally {
      rgb.dispose();
      grey.dispose();
    }
  }

  async function classifyFrames(frames: PreparedFrame[]): Promise<RecognitionResult> {
    const first = frames[0]!;
    const started = now();
    const batch = tf.concat(frames.map((frame) => frame.face));
    let all: MoodProbabilities[];
    try {
      all = await classifier.classify(batch);
    } finally {
      batch.dispose();
      frames.forEach((frame) => frame.face.dispose());
    }
    const probabilities = Object.fromEntries(
      MOODS.map((mood) => [mood, all.reduce((s, p) => s + p[mood], 0) / all.length]),
    ) as MoodProbabilities;
    const timings: Record<string, number> = {};
    for (const frame of frames) {
      for (const [stage, ms] of Object.entries(frame.timings)) timings[stage] = (timings[stage] ?? 0) + ms;
    }
    timings.classify = now() - started;
    return {
      mood: topMood(probabilities),
      probabilities,
      faces: first.faces,
      face: { box: first.detected.box },
      frames: frames.length,
      timings,
    };
  }

  return {
    async recognize(image) {
      return classifyFrames([await prepare(image)]);
    },
    async recognizeBurst(images) {
      const frames: PreparedFrame[] = [];
      let firstError: unknown;
      for (const image of images) {
        try {
          frames.push(await prepare(image));
        } catch (error) {
          if (!(error instanceof MoodtabError)) {
            frames.forEach((frame) => frame.face.dispose());
            throw error;
          }
          firstError ??= error;
        }
      }
      if (frames.length === 0) throw firstError ?? new MoodtabError('no-face');
      return classifyFrames(frames);
    },
    dispose() {
      detector.dispose();
      classifier.dispose();
    },
  };
}
