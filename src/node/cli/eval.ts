/**
 * npm run eval -- --data FER2013.csv[.gz] --usage PublicTest|PrivateTest|Training [--limit N] [--no-flip true]
 *
 * Scores the shipped mood model on any FER2013-format CSV, through the extension's classifier
 * (raw 48x48 grey levels in, flip averaging as in the extension). Prints per-class recall and the
 * confusion matrix, and as its last line JSON {usage, n, accuracy, macro_f1}.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createMoodClassifier } from '../../recognition';
import { topMood, type Mood } from '../../shared/moods';
import { parseArgs } from '../args';
import { parseBackend, useBackend } from '../backend';
import { readFerCsv, type FerFace } from '../ferCsv';
import { fileModel } from '../fileModel';
import { evaluate, formatEvaluation } from '../metrics';
import { MOOD_MODEL } from '../modelPaths';

const BATCH = 64;

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2), [
    'data',
    'usage',
    'limit',
    'backend',
    'model',
    'no-flip',
  ]);
  if (!options.data || !options.usage) {
    throw new Error(
      'usage: npm run eval -- --data FER2013.csv[.gz] --usage PublicTest|PrivateTest [--limit N]',
    );
  }
  const limit = options.limit ? Number(options.limit) : Infinity;
  await useBackend(parseBackend(options.backend));
  const classifier = await createMoodClassifier({
    modelUrl: fileModel(options.model ?? MOOD_MODEL),
    flipAverage: options['no-flip'] !== 'true',
  });
  const pairs: { actual: Mood; predicted: Mood }[] = [];
  const started = Date.now();
  let batch: FerFace[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const input = tf.tensor4d(
      batch.flatMap((face) => Array.from(face.pixels)),
      [batch.length, 48, 48, 1],
    );
    const results = await classifier.classify(input).finally(() => input.dispose());
    results.forEach((probabilities, i) =>
      pairs.push({ actual: batch[i]!.mood, predicted: topMood(probabilities) }),
    );
    batch = [];
  };
  for await (const face of readFerCsv(options.data, options.usage)) {
    if (pairs.length + batch.length >= limit) break;
    batch.push(face);
    if (batch.length === BATCH) await flush();
  }
  await flush();
  classifier.dispose();
  if (!pairs.length) throw new Error(`no five-mood rows with Usage=${options.usage} in ${options.data}`);
  const evaluation = evaluate(pairs);
  console.log(formatEvaluation(evaluation));
  console.log(`${pairs.length} faces in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(
    JSON.stringify({
      usage: options.usage,
      n: evaluation.n,
      accuracy: Number(evaluation.accuracy.toFixed(4)),
      macro_f1: Number(evaluation.macroF1.toFixed(4)),
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
