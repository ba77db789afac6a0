/**
 * npm run eval -- --data FER2013.csv[.gz] --usage PublicTest|PrivateTest|Training [--limit N]
 *                 [--model models/.../model.json] [--no-flip true] [--backend wasm|cpu] [--face-api true]
 *
 * Scores a mood model on any FER2013-format CSV through the extension's classifier (raw 48x48
 * grey levels in, flip averaging as in the extension): under FER2013's labels, and, when the file
 * has the FER+ vote columns, under the FER+ majority (five moods; ties and unknown/not-a-face
 * majorities left out). Prints accuracy, macro-F1, per-class recall, the confusion matrix and
 * calibration (ECE over 15 bins, NLL); the last line is JSON with all of them. With --face-api,
 * face-api.js's expression net is scored on the same 48x48 faces beside it (classifiers alone).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createMoodClassifier } from '../../recognition';
import type { Mood, MoodProbabilities } from '../../model/moods';
import { parseArgs } from '../args';
import { parseBackend, useBackend } from '../backend';
import { classifyFerFaces } from '../classifyFerFaces';
import { createFaceApiBaseline } from '../faceApi';
import { fileModel } from '../fileModel';
import { evaluate, formatEvaluation, summarise, type Scored } from '../metrics';
import { MOOD_MODEL } from '../modelPaths';

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2), [
    'data',
    'usage',
    'limit',
    'backend',
    'model',
    'no-flip',
    'face-api',
  ]);
  if (!options.data || !options.usage) {
    throw new Error(
      'usage: npm run eval -- --data FER2013.csv[.gz] --usage PublicTest|PrivateTest [--limit N] [--model model.json]',
    );
  }
  const limit = options.limit ? Number(options.limit) : Infinity;
  await useBackend(parseBackend(options.backend));
  const model = options.model ?? MOOD_MODEL;
  const classifier = await createMoodClassifier({
    modelUrl: fileModel(model),
    flipAverage: options['no-flip'] !== 'true',
  });
  const faceApi = options['face-api'] === 'true' ? await createFaceApiBaseline() : null;
  const scored = { fer: [] as Scored[], ferPlus: [] as Scored[] };
  const baseline = { fer: [] as Scored[], ferPlus: [] as Scored[] };
  const add = (list: Scored[], actual: Mood | undefined, probabilities: MoodProbabilities) => {
    if (actual) list.push({ actual, probabilities });
  };
  const started = Date.now();
  let faces = 0;
  for await (const classified of classifyFerFaces(classifier, {
    data: options.data,
    usage: options.usage,
    limit,
  })) {
    for (const { face, probabilities } of classified) {
      add(scored.fer, face.fer, probabilities);
      add(scored.ferPlus, face.ferPlus, probabilities);
    }
    if (faceApi) {
      for (const { face } of classified) {
        const rgb = tf.tidy(
          () => tf.tile(tf.tensor3d(face.pixels, [48, 48, 1], 'float32'), [1, 1, 3]) as tf.Tensor3D,
        );
        const probabilities = await faceApi.classifyCrop(rgb).finally(() => rgb.dispose());
        add(baseline.fer, face.fer, probabilities);
        add(baseline.ferPlus, face.ferPlus, probabilities);
      }
    }
    faces += classified.length;
  }
  classifier.dispose();
  if (!scored.fer.length) throw new Error(`no five-mood rows with Usage=${options.usage} in ${options.data}`);
  const fer = evaluate(scored.fer);
  const ferPlus = scored.ferPlus.length ? evaluate(scored.ferPlus) : null;
  console.log(formatEvaluation("FER2013's labels", fer));
  if (ferPlus) console.log(formatEvaluation('FER+ majority', ferPlus));
  const faceApiFer = faceApi ? evaluate(baseline.fer) : null;
  const faceApiFerPlus = faceApi && baseline.ferPlus.length ? evaluate(baseline.ferPlus) : null;
  if (faceApiFer) console.log(formatEvaluation("face-api.js, FER2013's labels", faceApiFer));
  if (faceApiFerPlus) console.log(formatEvaluation('face-api.js, FER+ majority', faceApiFerPlus));
  console.log(`${faces} faces in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(
    JSON.stringify({
      usage: options.usage,
      model,
      flip: options['no-flip'] !== 'true',
      fer: summarise(fer),
      ferplus: ferPlus ? summarise(ferPlus) : null,
      ...(faceApiFer
        ? {
            faceApi: {
              fer: summarise(faceApiFer),
              ferplus: faceApiFerPlus ? summarise(faceApiFerPlus) : null,
            },
          }
        : {}),
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
