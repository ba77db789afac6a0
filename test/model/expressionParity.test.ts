/**
 * The second opinion is face-api.js's expression net run with our own ops: it must read exactly
 * as face-api.js itself reads the same 112x112 face (same weights file, same preprocessing).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createFaceApiBaseline } from '../../src/node/faceApi';
import { fileModel, fileWeights } from '../../src/node/fileModel';
import { EXPRESSION_MODEL, FACE_DETECTOR_MODEL, FACE_LANDMARK_MODEL } from '../../src/node/modelPaths';
import { createExpressionClassifier, createFaceDetector, toRgbTensor } from '../../src/recognition';
import { squareFaceCrop } from '../../src/recognition/recognizer';
import { MOODS } from '../../src/model/moods';
import { photo, useTestBackend } from './helpers';

jest.setTimeout(120_000);

describe("expression net: ours against face-api.js's own", () => {
  let faces: tf.Tensor4D;

  beforeAll(async () => {
    await useTestBackend();
    const detector = await createFaceDetector({
      detectorModelUrl: fileModel(FACE_DETECTOR_MODEL),
      landmarkModelUrl: fileModel(FACE_LANDMARK_MODEL),
    });
    const frame = toRgbTensor(photo('one-face.jpg'));
    const [face] = await detector.detect(frame);
    const crop = squareFaceCrop(frame, face!.box);
    // A real face, its mirror image, and noise that exercises every weight.
    faces = tf.tidy(() =>
      tf.concat([crop, tf.reverse(crop, 2), tf.randomUniform([1, 112, 112, 3], 0, 255, 'float32', 7)]),
    ) as tf.Tensor4D;
    tf.dispose([frame, crop]);
    detector.dispose();
  });
  afterAll(() => faces?.dispose());

  it('gives the same five-mood probabilities to 1e-5', async () => {
    const ours = await createExpressionClassifier({ modelUrl: fileWeights(EXPRESSION_MODEL) });
    const theirs = await createFaceApiBaseline();
    const logs = ours.logProbabilities(faces);
    const mine = (await logs.data()).map(Math.exp);
    logs.dispose();
    for (let i = 0; i < faces.shape[0]; i++) {
      const one = tf.squeeze(tf.slice(faces, [i, 0, 0, 0], [1, -1, -1, -1]), [0]) as tf.Tensor3D;
      const reference = await theirs.classifyCrop(one);
      one.dispose();
      MOODS.forEach((mood, m) => expect(mine[i * MOODS.length + m]).toBeCloseTo(reference[mood], 5));
    }
    ours.dispose();
  });

  it('reads the laughing face as happy', async () => {
    const ours = await createExpressionClassifier({ modelUrl: fileWeights(EXPRESSION_MODEL) });
    const logs = ours.logProbabilities(tf.slice(faces, [0], [1]));
    const values = await logs.data();
    logs.dispose();
    ours.dispose();
    expect(MOODS[values.indexOf(Math.max(...values))]).toBe('happy');
  });

  it('refuses a weights file of another net with a clear error', async () => {
    const wrong = EXPRESSION_MODEL.replace('face_expression_model', 'age_gender_model');
    await expect(createExpressionClassifier({ modelUrl: fileWeights(wrong) })).rejects.toMatchObject({
      code: 'model-load-failed',
    });
  });
});
