/**
 * The model was trained on what the pipeline produces, so the cheaper frame preparation must give
 * the same 48x48 crop. Before: the frame as an int32 tensor for the detector, the whole frame
 * greyed, the face cropped from the grey frame. Now: a float32 RGB frame for the detector, the
 * face cropped from it and only the crop greyed. Same landmarks, crops within 1e-3 grey levels.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fileModel } from '../../src/node/fileModel';
import { cameraFrame } from '../../src/node/fakeCamera';
import { FACE_DETECTOR_MODEL, FACE_LANDMARK_MODEL, localRecognizerConfig } from '../../src/node/modelPaths';
import { onGreyFrame, resize } from '../../src/node/rgbaImages';
import {
  alignFace,
  computeAlignment,
  createFaceDetector,
  createMoodRecognizer,
  toRgbTensor,
  type FaceDetector,
  type MoodRecognizer,
  type RgbaImage,
} from '../../src/recognition';
import type { Point } from '../../src/recognition/faceDetector';
import { photo, useTestBackend } from './helpers';

jest.setTimeout(120_000);

/** The frame tensor as the pipeline made it before: RGBA bytes as int32, alpha sliced off. */
const legacyRgb = (image: RgbaImage): tf.Tensor3D =>
  tf.tidy(() => {
    const bytes = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length);
    const rgba = tf.tensor3d(bytes, [image.height, image.width, 4], 'int32');
    return tf.slice(rgba, [0, 0, 0], [-1, -1, 3]) as tf.Tensor3D;
  });

/** The crop as it was made before (a frozen copy): the whole frame greyed, then cropped. */
const legacyCrop = (rgb: tf.Tensor3D, keypoints: Point[]): tf.Tensor4D =>
  tf.tidy(() => {
    const grey = tf.sum(tf.mul(tf.cast(rgb, 'float32'), tf.tensor1d([0.299, 0.587, 0.114])), -1, true);
    const size = 96;
    const transform = tf.tensor2d([computeAlignment(keypoints).transform(size)], [1, 8]);
    const image = tf.expandDims(grey, 0) as tf.Tensor4D;
    const crop = tf.image.transform(image, transform, 'bilinear', 'nearest', 0, [size, size]);
    return tf.avgPool(crop, 2, 2, 'valid');
  });

const frames: [string, () => RgbaImage][] = [
  ['one-face.jpg (520x520)', () => photo('one-face.jpg')],
  ['two-faces.jpg (900x560)', () => photo('two-faces.jpg')],
  ['the e2e camera frame (640x480)', () => cameraFrame(photo('one-face.jpg'))],
  [
    'a 1080p camera frame',
    () => onGreyFrame(resize(photo('one-face.jpg'), 700, 700), { width: 1920, height: 1080, grey: 96 }),
  ],
];

describe('frame preparation: the crop the classifier reads is unchanged', () => {
  let detector: FaceDetector;
  let recognizer: MoodRecognizer;

  beforeAll(async () => {
    await useTestBackend();
    detector = await createFaceDetector({
      detectorModelUrl: fileModel(FACE_DETECTOR_MODEL),
      landmarkModelUrl: fileModel(FACE_LANDMARK_MODEL),
    });
    recognizer = await createMoodRecognizer(localRecognizerConfig());
  });
  afterAll(() => {
    detector?.dispose();
    recognizer?.dispose();
  });

  it.each(frames)('%s', async (_name, frame) => {
    const image = frame();
    const before = tf.memory().numTensors;
    const [oldRgb, newRgb] = [legacyRgb(image), toRgbTensor(image)];
    const [oldFace] = await detector.detect(oldRgb);
    const [newFace] = await detector.detect(newRgb);
    // The detector casts its input to float itself: it sees the same picture, so the same face.
    expect(newFace!.keypoints).toEqual(oldFace!.keypoints);

    const oldCrop = legacyCrop(oldRgb, oldFace!.keypoints);
    const newCrop = alignFace(newRgb, computeAlignment(newFace!.keypoints));
    expect(newCrop.shape).toEqual([1, 48, 48, 1]);
    const [oldLevels, newLevels] = [await oldCrop.data(), await newCrop.data()];
    const largest = Math.max(...newLevels.map((level, i) => Math.abs(level - oldLevels[i]!)));
    expect(largest).toBeLessThan(1e-3);

    // And this is the crop the recognizer reads and shows (rounded to whole grey levels there).
    const result = await recognizer.recognize(image);
    expect(result.face.crop).toEqual(Array.from(newLevels, (level) => Math.round(level)));

    tf.dispose([oldRgb, newRgb, oldCrop, newCrop]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
