export { createFaceDetector, type FaceDetector, type FaceDetectorConfig } from './faceDetector';
export { createMoodClassifier, type MoodClassifier, type MoodClassifierConfig } from './moodClassifier';
export {
  createMoodRecognizer,
  recognizerFrom,
  type MoodRecognizer,
  type MoodRecognizerConfig,
  type ReadOptions,
  type RgbaImage,
} from './recognizer';
export { alignFace, computeAlignment, toGrey, toRgbTensor } from './align';
export { meanBrightness } from './brightness';
export { blendMoods, SHIPPED_BLEND, type BlendParams } from './blend';
export {
  createExpressionClassifier,
  type ExpressionClassifier,
  type ExpressionClassifierConfig,
} from './expressionClassifier';
