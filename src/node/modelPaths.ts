/** The models' files in the repository (src/model/modelFiles.json), for the Node tools and tests. */
import { join } from 'node:path';
import { MODEL_FILES } from '../model/contract';
import type { MoodRecognizerConfig } from '../recognition';
import { SHIPPED_BLEND } from '../recognition/blend';
import { fileModel, fileWeights } from './fileModel';

const { face, mood } = MODEL_FILES;
export const ROOT = join(__dirname, '..', '..');
export const MOOD_MODEL = join(ROOT, mood.from, mood.graph);
// MediaPipe face detection (short range) and face mesh in tfjs format, shipped by this npm package.
export const FACE_MODELS_DIR = join(ROOT, 'node_modules', face.package, face.from);
export const FACE_DETECTOR_MODEL = join(FACE_MODELS_DIR, `${face.detector}.json`);
export const FACE_LANDMARK_MODEL = join(FACE_MODELS_DIR, `${face.landmarks}.json`);

export function localRecognizerConfig(moodModel = MOOD_MODEL): MoodRecognizerConfig {
  return {
    detector: {
      detectorModelUrl: fileModel(FACE_DETECTOR_MODEL),
      landmarkModelUrl: fileModel(FACE_LANDMARK_MODEL),
    },
    classifier: { modelUrl: fileModel(moodModel) },
    expression: { modelUrl: fileWeights(EXPRESSION_MODEL), blend: SHIPPED_BLEND },
  };
}
// face-api.js's expression net: a weights manifest and one .bin, shipped by this npm package.
export const EXPRESSION_MODEL = join(
  ROOT,
  'node_modules',
  '@vladmandic',
  'face-api',
  'model',
  'face_expression_model-weights_manifest.json',
);
