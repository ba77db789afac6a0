/**
 * npm run eval -- --data FER2013.csv[.gz] --usage PublicTest|PrivateTest|Training [--limit N]
 *                 [--model models/.../model.json] [--no-flip true] [--backend wasm|cpu]
 *                 [--readings-out readings.json]
 *
 * Scores the shipped reading on any FER2013-format CSV, classifiers alone (the faces are already
 * cropped): the blend of the DenseNet (raw 48x48 grey levels, flip averaging as in the extension)
 * and face-api.js's expression net (the face scaled to 112x112 as face-api.js scales it), and each
 * of the two alone. Under FER2013's labels, and, when the file has the FER+ vote columns, under
 * the FER+ majority (five moods; ties and unknown/not-a-face majorities left out). Prints accuracy,
 * macro-F1, per-mood recall, the confusion matrix and calibration (ECE over 15 bins, NLL); the
 * last line is JSON with all of them. --readings-out writes each face's two readings and labels
 * (for training/fit_blend.py).
 */
import { writeFileSync } from 'node:fs';
import { SHIPPED_BLEND } from '../../recognition/blend';
import { createExpressionClassifier } from '../../recognition/expressionClassifier';
import { createMoodClassifier } from '../../recognition';
import type { Mood, MoodProbabilities } from '../../model/moods';
import { parseArgs } from '../args';
import { parseBackend, useBackend } from '../backend';
import { readFerFaces } from '../classifyFerFaces';
import { fileModel, fileWeights } from '../fileModel';
import { evaluate, formatEvaluation, summarise, type Scored } from '../metrics';
import { EXPRESSION_MODEL, MOOD_MODEL } from '../modelPaths';

type Reader = 'shipped' | 'densenet' | 'expression';
const READERS: Record<Reader, string> = {
  shipped: 'shipped reading (blend)',
  densenet: 'the DenseNet alone',
  expression: "face-api.js's expression net alone",
};

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2), [
    'data',
    'usage',
    'limit',
    'backend',
    'model',
    'no-flip',
    'readings-out',
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
  const expressionNet = await createExpressionClassifier({ modelUrl: fileWeights(EXPRESSION_MODEL) });
  const scored = Object.fromEntries(
    Object.keys(READERS).map((reader) => [reader, { fer: [] as Scored[], ferPlus: [] as Scored[] }]),
  ) as Record<Reader, { fer: Scored[]; ferPlus: Scored[] }>;
  const readings: {
    fer?: Mood;
    ferPlus?: Mood;
    densenet: MoodProbabilities;
    expression: MoodProbabilities;
  }[] = [];
  const started = Date.now();
  for await (const faces of readFerFaces(
    { classifier, expressionNet, blend: SHIPPED_BLEND },
    {
      data: options.data,
      usage: options.usage,
      limit,
    },
  )) {
    for (const { face, ...byReader } of faces) {
      for (const reader of Object.keys(READERS) as Reader[]) {
        if (face.fer) scored[reader].fer.push({ actual: face.fer, probabilities: byReader[reader] });
        if (face.ferPlus)
          scored[reader].ferPlus.push({ actual: face.ferPlus, probabilities: byReader[reader] });
      }
      readings.push({
        fer: face.fer,
        ferPlus: face.ferPlus,
        densenet: byReader.densenet,
        expression: byReader.expression,
      });
    }
  }
  classifier.dispose();
  expressionNet.dispose();
  if (!scored.shipped.fer.length)
    throw new Error(`no five-mood rows with Usage=${options.usage} in ${options.data}`);
  const report = Object.fromEntries(
    (Object.keys(READERS) as Reader[]).map((reader) => {
      const fer = evaluate(scored[reader].fer);
      const ferPlus = scored[reader].ferPlus.length ? evaluate(scored[reader].ferPlus) : null;
      console.log(formatEvaluation(`${READERS[reader]}, FER2013's labels`, fer));
      if (ferPlus) console.log(formatEvaluation(`${READERS[reader]}, FER+ majority`, ferPlus));
      return [reader, { fer: summarise(fer), ferplus: ferPlus ? summarise(ferPlus) : null }];
    }),
  );
  console.log(`${readings.length} faces in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (options['readings-out'])
    writeFileSync(options['readings-out'], JSON.stringify({ usage: options.usage, readings }));
  console.log(
    JSON.stringify({
      usage: options.usage,
      model,
      flip: options['no-flip'] !== 'true',
      blend: SHIPPED_BLEND,
      ...report,
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
