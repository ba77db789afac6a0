import * as tf from '@tensorflow/tfjs-core';
import { blendMoods, type BlendParams, type ExpressionClassifier, type MoodClassifier } from '../recognition';
import { MOODS, type MoodProbabilities } from '../model/moods';
import { expressionOnFerFaces } from './expressionOnFer';
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

export interface ReadFace {
  face: FerFace;
  /** The reading the extension acts on: the blend of the two below. */
  shipped: MoodProbabilities;
  densenet: MoodProbabilities;
  expression: MoodProbabilities;
}

/** As classifyFerFaces, with the expression net's reading of each face and the shipped blend. */
export async function* readFerFaces(
  models: { classifier: MoodClassifier; expressionNet: ExpressionClassifier; blend: BlendParams },
  options: { data: string; usage?: string; limit?: number },
): AsyncGenerator<ReadFace[]> {
  for await (const classified of classifyFerFaces(models.classifier, options)) {
    const expression = await expressionOnFerFaces(
      models.expressionNet,
      classified.map(({ face }) => face),
    );
    yield classified.map(({ face, probabilities: densenet }, i) => {
      const logExpression = MOODS.map((mood) => Math.log(Math.max(expression[i]![mood], 1e-7)));
      return {
        face,
        shipped: blendMoods(densenet, logExpression, models.blend),
        densenet,
        expression: expression[i]!,
      };
    });
  }
}
