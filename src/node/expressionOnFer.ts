import * as tf from '@tensorflow/tfjs-core';
import { EXPRESSION_INPUT_SIZE, type ExpressionClassifier } from '../recognition/expressionClassifier';
import { MOODS, probabilitiesFromArray, type MoodProbabilities } from '../model/moods';

/**
 * face-api.js's expression net on 48x48 grey FER2013 faces: each scaled to 112x112 in colour as
 * face-api.js scales its input, read plain and mirrored, the probabilities averaged.
 */
export async function expressionOnFerFaces(
  net: ExpressionClassifier,
  faces: readonly { pixels: Uint8Array }[],
): Promise<MoodProbabilities[]> {
  const probabilities = tf.tidy(() => {
    const grey = tf.tensor4d(
      faces.flatMap((face) => Array.from(face.pixels)),
      [faces.length, 48, 48, 1],
      'float32',
    );
    const size = [EXPRESSION_INPUT_SIZE, EXPRESSION_INPUT_SIZE] as [number, number];
    const rgb = tf.image.resizeBilinear(tf.tile(grey, [1, 1, 1, 3]), size) as tf.Tensor4D;
    const plain = tf.exp(net.logProbabilities(rgb));
    const mirrored = tf.exp(net.logProbabilities(tf.reverse(rgb, 2) as tf.Tensor4D));
    return tf.div(tf.add(plain, mirrored), 2);
  });
  const values = await probabilities.data().finally(() => probabilities.dispose());
  return faces.map((_, i) =>
    probabilitiesFromArray(values.subarray(i * MOODS.length, (i + 1) * MOODS.length)),
  );
}
