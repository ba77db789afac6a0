import * as tf from '@tensorflow/tfjs-core';
import { MoodtabError } from '../common/errors';
import { MOODS } from '../model/moods';

/**
 * face-api.js's expression net (MIT, @vladmandic/face-api/model/face_expression_model.bin), run
 * with our own ops so no second copy of face-api or tfjs ships: four dense blocks of depthwise
 * separable convolutions on a 112x112 RGB face, then 256 -> 7. Its seven expressions are cut to
 * our five moods by dropping fear and disgust before the softmax (the same as renormalising).
 * test/model/expressionParity.test.ts checks it against face-api.js itself.
 */
export const EXPRESSION_INPUT_SIZE = 112;
/**
 * Side of the square crop over the larger side of the face mesh's box. 1.15 read the real photos
 * best of 1, 1.15 and 1.3 (dev 72.6 / 74.7 / 73.7%, persons 57.5 / 59.8 / 59.5%, net alone).
 */
export const EXPRESSION_CROP_SCALE = 1.15;

/** face-api's output order, and which of its outputs each of our moods is. */
const EXPRESSIONS = ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'] as const;
const EXPRESSION_OF_MOOD = {
  calm: 'neutral',
  angry: 'angry',
  sad: 'sad',
  happy: 'happy',
  surprised: 'surprised',
};
const MOOD_COLUMNS = MOODS.map((mood) => EXPRESSIONS.indexOf(EXPRESSION_OF_MOOD[mood] as never));
const MEAN_RGB = [122.782, 117.001, 104.298];

export interface ExpressionClassifierConfig {
  /** model.json (weights manifest only) of the expression net, URL or IO handler. */
  modelUrl: string | tf.io.IOHandler;
}

export interface ExpressionClassifier {
  /**
   * faces: [N, 112, 112, 3] RGB levels 0..255. Returns [N, 5] log-probabilities over the moods
   * (MOODS order), for blending on the log scale; the caller disposes it.
   */
  logProbabilities(faces: tf.Tensor4D): tf.Tensor2D;
  dispose(): void;
}

type Weights = Record<string, tf.Tensor>;

function separable(x: tf.Tensor, w: Weights, name: string, stride: 1 | 2): tf.Tensor4D {
  const out = tf.separableConv2d(
    x as tf.Tensor4D,
    w[`${name}/depthwise_filter`] as tf.Tensor4D,
    w[`${name}/pointwise_filter`] as tf.Tensor4D,
    stride,
    'same',
  );
  return tf.add(out, w[`${name}/bias`]!) as tf.Tensor4D;
}

/** face-api's denseBlock4: each layer sees the sum of the ones before it. */
function denseBlock(x: tf.Tensor4D, w: Weights, block: string, first: boolean): tf.Tensor4D {
  const out1 = tf.relu(
    first
      ? tf.add(tf.conv2d(x, w[`${block}/conv0/filters`] as tf.Tensor4D, 2, 'same'), w[`${block}/conv0/bias`]!)
      : separable(x, w, `${block}/conv0`, 2),
  ) as tf.Tensor4D;
  const out2 = separable(out1, w, `${block}/conv1`, 1);
  const out3 = separable(tf.relu(tf.add(out1, out2)), w, `${block}/conv2`, 1);
  const out4 = separable(tf.relu(tf.add(out1, tf.add(out2, out3))), w, `${block}/conv3`, 1);
  return tf.relu(tf.add(out1, tf.add(out2, tf.add(out3, out4)))) as tf.Tensor4D;
}

async function loadWeights(modelUrl: string | tf.io.IOHandler): Promise<Weights> {
  const handler = typeof modelUrl === 'string' ? tf.io.http(modelUrl) : modelUrl;
  const artifacts = await handler.load!();
  if (!artifacts.weightSpecs || !artifacts.weightData) throw new Error('no weights in the model file');
  return tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
}

const EXPECTED_SHAPES: Record<string, number[]> = {
  'dense0/conv0/filters': [3, 3, 3, 32],
  'dense3/conv3/pointwise_filter': [1, 1, 256, 256],
  'fc/weights': [256, EXPRESSIONS.length],
  'fc/bias': [EXPRESSIONS.length],
};

export async function createExpressionClassifier(
  config: ExpressionClassifierConfig,
): Promise<ExpressionClassifier> {
  let weights: Weights;
  try {
    weights = await loadWeights(config.modelUrl);
    for (const [name, shape] of Object.entries(EXPECTED_SHAPES)) {
      const actual = weights[name]?.shape;
      if (JSON.stringify(actual) !== JSON.stringify(shape)) {
        tf.dispose(Object.values(weights));
        throw new Error(`${name} has shape ${JSON.stringify(actual)}, expected ${JSON.stringify(shape)}`);
      }
    }
  } catch (error) {
    throw new MoodtabError('model-load-failed', `expression model: ${(error as Error).message}`);
  }
  const columns = tf.tensor1d(MOOD_COLUMNS, 'int32');
  const mean = tf.tensor1d(MEAN_RGB);

  return {
    logProbabilities(faces) {
      return tf.tidy(() => {
        let x = tf.div(tf.sub(faces, mean), 255) as tf.Tensor4D;
        x = denseBlock(x, weights, 'dense0', true);
        x = denseBlock(x, weights, 'dense1', false);
        x = denseBlock(x, weights, 'dense2', false);
        x = denseBlock(x, weights, 'dense3', false);
        const features = tf.reshape(tf.avgPool(x, 7, 2, 'valid'), [faces.shape[0], -1]);
        const logits = tf.add(
          tf.matMul(features as tf.Tensor2D, weights['fc/weights'] as tf.Tensor2D),
          weights['fc/bias']!,
        );
        return tf.logSoftmax(tf.gather(logits, columns, 1)) as tf.Tensor2D;
      });
    },
    dispose() {
      tf.dispose([...Object.values(weights), columns, mean]);
    },
  };
}
