import * as tf from '@tensorflow/tfjs-core';

const now = () => performance.now();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Milliseconds per run of a small slice of the real work, on the current backend: DenseNet-style
 * 1x1 and 3x3 convolutions on a burst-sized batch of 12x12 feature maps, and a face-mesh-style
 * depthwise convolution. The first run is not counted (shader compilation, first allocations):
 * the models are warmed before the click, so what a capture pays is the later runs. A run slower
 * than `giveUpAboveMs` ends the measurement there: that backend has lost already.
 */
export async function timeBackendWorkload(runs = 3, giveUpAboveMs = Infinity): Promise<number> {
  // Constant data: only the time matters, and fill is cheaper than a random generator.
  const inputs = tf.tidy(() => ({
    features: tf.fill([6, 12, 12, 128], 0.5),
    squeeze: tf.fill([1, 1, 128, 128], 0.01),
    grow: tf.fill([3, 3, 128, 32], 0.01),
    meshFeatures: tf.fill([1, 96, 96, 32], 0.5),
    depthwise: tf.fill([3, 3, 32, 1], 0.1),
  }));
  const once = async () => {
    const started = now();
    const out = tf.tidy(() => {
      const squeezed = tf.relu(
        tf.conv2d(inputs.features as tf.Tensor4D, inputs.squeeze as tf.Tensor4D, 1, 'same'),
      );
      const grown = tf.conv2d(squeezed, inputs.grow as tf.Tensor4D, 1, 'same');
      const mesh = tf.depthwiseConv2d(
        inputs.meshFeatures as tf.Tensor4D,
        inputs.depthwise as tf.Tensor4D,
        1,
        'same',
      );
      return tf.add(tf.sum(grown), tf.sum(mesh));
    });
    try {
      await out.data();
    } finally {
      out.dispose();
    }
    return now() - started;
  };
  try {
    await once();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      times.push(await once());
      if (times.at(-1)! > giveUpAboveMs) return times.at(-1)!;
    }
    return median(times);
  } finally {
    tf.dispose(inputs);
  }
}
