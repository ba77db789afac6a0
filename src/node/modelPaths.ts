import { join } from 'node:path';
import type { MoodRecognizerConfig } from '../recognition';
import { SHIPPED_BLEND } from '../recognition/blend';
import { fileModel, fileWeights } from './fileModel';

export const ROOT = join(__dirname, '..', '..');
export const MOOD_MODEL = join(ROOT, 'models', 'mood-densenet121', 'model.json');
// MediaPipe face detection (short range) and face mesh in tfjs format, shipped by this npm package.
export const FACE_MODELS_DIR = join(ROOT, 'node_modules', '@vladmandic', 'human-models', 'models');
export const FACE_DETECTOR_MODEL = join(FACE_MODELS_DIR, 'facemesh-detection-short.json');
export const FACE_LANDMARK_MODEL = join(FACE_MODELS_DIR, 'facemesh.json');

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
