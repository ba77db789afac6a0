import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { MoodtabError } from '../common/errors';
import { moodModelProblem } from '../model/contract';
import { MOODS, probabilitiesFromArray, type MoodProbabilities } from '../model/moods';
import { FACE_SIZE } from './align';

export interface MoodClassifierConfig {
  /** The exported DenseNet-121 (models/mood-densenet121/model.json), URL or IO handler. */
  modelUrl: string | tf.io.IOHandler;
  /** Average with the mirrored face, as the model was evaluated (default true). */
  flipAverage?: boolean;
  onProgress?: (fraction: number) => void;
}

export interface MoodClassifier {
  /** faces: [N, 48, 48, 1] grey levels 0..255. One probability set per face. */
  classify(faces: tf.Tensor4D): Promise<MoodProbabilities[]>;
  dispose(): void;
}

export async function createMoodClassifier(config: MoodClassifierConfig): Promise<MoodClassifier> {
  let model: GraphModel;
  try {
    model = await loadGraphModel(config.modelUrl, { onProgress: config.onProgress });
  } catch (error) {
    throw new MoodtabError('model-load-failed', `mood model: ${(error as Error).message}`);
  }
  const flipAverage = config.flipAverage ?? true;
  const wrongOutputs = moodModelProblem(model.metadata);
  if (wrongOutputs) {
    model.dispose();
    throw new MoodtabError('model-load-failed', `mood model: ${wrongOutputs}`);
  }

  const run = async (faces: tf.Tensor4D): Promise<Float32Array> => {
    const batch = faces.shape[0];
    const output = tf.tidy(() => {
      const input = flipAverage ? tf.concat([faces, tf.reverse(faces, 2)]) : faces;
      const probabilities = model.execute(input) as tf.Tensor2D;
      if (!flipAverage) return probabilities;
      const [plain, mirrored] = tf.split(probabilities, 2);
      return tf.div(tf.add(plain!, mirrored!), 2);
    });
    try {
      if (output.shape[0] !== batch || output.shape[1] !== MOODS.length) {
        throw new Error(`model output shape [${output.shape}] is not [${batch}, ${MOODS.length}]`);
      }
      return (await output.data()) as Float32Array;
    } finally {
      output.dispose();
    }
  };

  // A corrupt or wrong model must fail here, at load, with a clear error, not on a user's face.
  try {
    const probe = tf.zeros([1, FACE_SIZE, FACE_SIZE, 1]) as tf.Tensor4D;
    const values = await run(probe).finally(() => probe.dispose());
    const total = values.reduce((s, v) => s + v, 0);
    if (!values.every(Number.isFinite) || Math.abs(total - 1) > 1e-3) {
      throw new Error(`model output is not a probability distribution (sum ${total})`);
    }
  } catch (error) {
    model.dispose();
    throw new MoodtabError('model-load-failed', `mood model: ${(error as Error).message}`);
  }

  return {
    async classify(faces) {
      const values = await run(faces);
      return Array.from({ length: faces.shape[0] }, (_, i) =>
        probabilitiesFromArray(values.subarray(i * MOODS.length, (i + 1) * MOODS.length)),
      );
    },
    dispose: () => model.dispose(),
  };
}
