/**
 * Create, use, dispose: the tensor count is back where it started, as tfjs-models checks its own
 * models. A model that keeps tensors after dispose would leak GPU memory each time it is reloaded.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fileModel, fileWeights } from '../../src/node/fileModel';
import {
  EXPRESSION_MODEL,
  FACE_DETECTOR_MODEL,
  FACE_LANDMARK_MODEL,
  localRecognizerConfig,
  MOOD_MODEL,
} from '../../src/node/modelPaths';
import {
  createFaceDetector,
  createMoodClassifier,
  createExpressionClassifier,
  createMoodRecognizer,
  toRgbTensor,
} from '../../src/recognition';
import { photo, useTestBackend } from './helpers';

jest.setTimeout(120_000);

describe('create, dispose: tensor count back to start', () => {
  const oneFace = photo('one-face.jpg');
  beforeAll(useTestBackend);

  it('face detector', async () => {
    const start = tf.memory().numTensors;
    const detector = await createFaceDetector({
      detectorModelUrl: fileModel(FACE_DETECTOR_MODEL),
      landmarkModelUrl: fileModel(FACE_LANDMARK_MODEL),
    });
    expect(tf.memory().numTensors).toBeGreaterThan(start); // the weights are loaded
    const image = toRgbTensor(oneFace);
    expect(await detector.detect(image)).toHaveLength(1);
    image.dispose();
    detector.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('mood classifier', async () => {
    const start = tf.memory().numTensors;
    const classifier = await createMoodClassifier({ modelUrl: fileModel(MOOD_MODEL) });
    expect(tf.memory().numTensors).toBeGreaterThan(start);
    const faces = tf.zeros([2, 48, 48, 1]) as tf.Tensor4D;
    expect(await classifier.classify(faces)).toHaveLength(2);
    faces.dispose();
    classifier.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('expression net (the second opinion)', async () => {
    const start = tf.memory().numTensors;
    const net = await createExpressionClassifier({ modelUrl: fileWeights(EXPRESSION_MODEL) });
    expect(tf.memory().numTensors).toBeGreaterThan(start);
    const faces = tf.zeros([2, 112, 112, 3]) as tf.Tensor4D;
    const logs = net.logProbabilities(faces);
    expect(logs.shape).toEqual([2, 5]);
    tf.dispose([faces, logs]);
    net.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('whole recognizer, after a reading and a failed one', async () => {
    const start = tf.memory().numTensors;
    const recognizer = await createMoodRecognizer(localRecognizerConfig());
    await recognizer.recognize(oneFace);
    await expect(recognizer.recognize(photo('no-face.jpg'))).rejects.toMatchObject({ code: 'no-face' });
    recognizer.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
