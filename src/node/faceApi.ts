/**
 * face-api.js (the @vladmandic fork, which ships its weights) as a baseline: SSD MobileNet v1 face
 * detection + its 7-way expression net, restricted to Moodtab's five moods.
 */
import { join } from 'node:path';
import type { Tensor3D } from '@tensorflow/tfjs-core';
import { MOODS, type Mood, type MoodProbabilities } from '../model/moods';
import { ROOT } from './modelPaths';

// The node-wasm build shares our @tensorflow/tfjs and backend-wasm instances (no tfjs-node needed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const MODELS = join(ROOT, 'node_modules', '@vladmandic', 'face-api', 'model');
const EXPRESSION_OF: Record<Mood, string> = {
  calm: 'neutral',
  angry: 'angry',
  sad: 'sad',
  happy: 'happy',
  surprised: 'surprised',
};

export interface FaceApiResult {
  probabilities: MoodProbabilities;
  timings: { detect: number; expression: number };
}

/** face-api's seven expressions renormalised over the five moods. */
function toMoods(expressions: Record<string, number>): MoodProbabilities {
  const total = MOODS.reduce((s, m) => s + expressions[EXPRESSION_OF[m]]!, 0);
  return Object.fromEntries(
    MOODS.map((m) => [m, expressions[EXPRESSION_OF[m]]! / total]),
  ) as MoodProbabilities;
}

export async function createFaceApiBaseline() {
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(MODELS);
  await faceapi.nets.faceExpressionNet.loadFromDisk(MODELS);
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.3 });
  return {
    /** Null when face-api finds no face. */
    async recognize(image: Tensor3D): Promise<FaceApiResult | null> {
      const started = performance.now();
      const detection = await faceapi.detectSingleFace(image, options);
      const detected = performance.now();
      if (!detection) return null;
      const faces: Tensor3D[] = await faceapi.extractFaceTensors(image, [detection]);
      let expressions: Record<string, number>;
      try {
        expressions = await faceapi.nets.faceExpressionNet.predictExpressions(faces[0]);
      } finally {
        faces.forEach((face) => face.dispose());
      }
      const done = performance.now();
      return {
        probabilities: toMoods(expressions),
        timings: { detect: detected - started, expression: done - detected },
      };
    },
    /** The expression net alone on an already cropped face (RGB, any size). */
    async classifyCrop(face: Tensor3D): Promise<MoodProbabilities> {
      return toMoods(await faceapi.nets.faceExpressionNet.predictExpressions(face));
    },
  };
}
