/**
 * The exported tfjs model must compute what PyTorch computes, preprocessing included: fixtures
 * written by training/make_parity_fixture.py from the shipped files (weights dequantised as tfjs
 * does), compared to 1e-3 on each tfjs backend the extension can run on in Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend, type NodeBackend } from '../../src/node/backend';
import { fileModel } from '../../src/node/fileModel';
import { MOOD_MODEL } from '../../src/node/modelPaths';
import { createMoodClassifier } from '../../src/recognition';
import { MOODS } from '../../src/model/moods';
import { FIXTURES } from './helpers';

const fixture = JSON.parse(readFileSync(join(FIXTURES, 'parity.json'), 'utf8')) as {
  images: number[][];
  probabilities: number[][];
};

describe.each<NodeBackend>(['wasm', 'cpu'])('PyTorch -> tfjs export parity on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it('matches PyTorch probabilities to 1e-3 on every fixture input', async () => {
    const classifier = await createMoodClassifier({ modelUrl: fileModel(MOOD_MODEL), flipAverage: false });
    const input = tf.tensor4d(fixture.images.flat(), [fixture.images.length, 48, 48, 1]);
    const got = await classifier.classify(input);
    input.dispose();
    classifier.dispose();
    expect(got).toHaveLength(fixture.probabilities.length);
    got.forEach((probabilities, i) => {
      MOODS.forEach((mood, j) => {
        expect(Math.abs(probabilities[mood] - fixture.probabilities[i]![j]!)).toBeLessThan(1e-3);
      });
    });
  });

  it('reads a face the same whatever its brightness and contrast (per-face standardisation)', async () => {
    const classifier = await createMoodClassifier({ modelUrl: fileModel(MOOD_MODEL), flipAverage: false });
    const face = tf.tensor4d(fixture.images[1]!, [1, 48, 48, 1]);
    const dimmed = tf.tidy(() => tf.add(tf.mul(face, 0.5), 20) as tf.Tensor4D);
    const both = tf.concat([face, dimmed]);
    const [original, dark] = await classifier.classify(both);
    tf.dispose([face, dimmed, both]);
    classifier.dispose();
    MOODS.forEach((mood) => expect(Math.abs(original![mood] - dark![mood])).toBeLessThan(1e-4));
  });
});
