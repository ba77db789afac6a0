import * as tf from '@tensorflow/tfjs-core';
import type { MoodClassifier } from '../recognition';
import type { MoodProbabilities } from '../model/moods';
import { readFerCsv, type FerFace } from './ferCsv';

export interface ClassifiedFace {
  face: FerFace;
  probabilities: MoodProbabilities;
}

/**
 * The faces of a FER2013-format file (one Usage, or all), at most `limit` of them, read by the
 * classifier in batches: one array of faces with their probabilities per batch.
 */
export async function* classifyFerFaces(
  classifier: MoodClassifier,
  {
    data,
    usage,
    limit = Infinity,
    batchSize = 64,
  }: { data: string; usage?: string; limit?: number; batchSize?: number },
): AsyncGenerator<ClassifiedFace[]> {
  const classify = async (faces: FerFace[]): Promise<ClassifiedFace[]> => {
    const input = tf.tensor4d(
      faces.flatMap((face) => Array.from(face.pixels)),
      [faces.length, 48, 48, 1],
    );
    const results = await classifier.classify(input).finally(() => input.dispose());
    return faces.map((face, i) => ({ face, probabilities: results[i]! }));
  };
  let batch: FerFace[] = [];
  let read = 0;
  for await (const face of readFerCsv(data, usage)) {
    if (read >= limit) break;
    read++;
    batch.push(face);
    if (batch.length === batchSize) {
      yield await classify(batch);
      batch = [];
    }
  }
  if (batch.length) yield await classify(batch);
}
