/**
 * The exported tfjs model must compute what PyTorch computed: fixtures written by
 * training/make_parity_fixture.py from the same checkpoint, compared to 1e-3.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { fileModel } from '../../src/node/fileModel';
import { MOOD_MODEL } from '../../src/node/modelPaths';
import { createMoodClassifier } from '../../src/recognition';
import { MOODS } from '../../src/shared/moods';
import { FIXTURES, useTestBackend } from './helpers';

const fixture = JSON.parse(readFileSync(join(FIXTURES, 'parity.json'), 'utf8')) as {
  images: number[][];
  probabilities: number[][];
};

describe('PyTorch -> tfjs export parity', () => {
  beforeAll(useTestBackend);

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
});
