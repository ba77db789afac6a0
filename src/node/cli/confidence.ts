/**
 * npm run confidence -- --data FER2013.csv[.gz] [--usage PublicTest] [--labels ferplus|fer]
 *                       [--min-accuracy 0.6] [--limit N] [--model model.json] [--backend wasm|cpu]
 *
 * Runs the extension's reading (the DenseNet and the expression net, each flip-averaged, blended
 * as shipped) over one FER2013 usage and prints
 * the accuracy per top-probability bin under both labellings, and the threshold below which the
 * popup should ask rather than open a tab: where accuracy falls under --min-accuracy. The last
 * line is JSON. src/model/confidence.ts keeps the chosen value.
 */
import { createExpressionClassifier, createMoodClassifier, SHIPPED_BLEND } from '../../recognition';
import { topMood, type Mood, type MoodProbabilities } from '../../model/moods';
import { parseArgs } from '../args';
import { parseBackend, useBackend } from '../backend';
import { readFerFaces } from '../classifyFerFaces';
import {
  confidenceBins,
  splitAt,
  thresholdWhereAccuracyFalls,
  type ConfidenceBin,
  type ConfidenceSample,
} from '../confidenceBins';
import { fileModel, fileWeights } from '../fileModel';
import { EXPRESSION_MODEL, MOOD_MODEL } from '../modelPaths';

const LABELLINGS = ['ferplus', 'fer'] as const;
type Labelling = (typeof LABELLINGS)[number];

const percent = (value: number) =>
  Number.isNaN(value) ? '     -' : `${(value * 100).toFixed(1)}%`.padStart(6);

function formatBins(title: string, bins: readonly ConfidenceBin[]): string {
  const rows = bins
    .filter((bin) => bin.n > 0)
    .map(
      (bin) =>
        `  ${bin.from.toFixed(2)}-${bin.to.toFixed(2)}  ${String(bin.n).padStart(5)}  ${percent(bin.accuracy)}`,
    );
  return [`${title}:`, '  top p       faces  accuracy', ...rows].join('\n');
}

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2), [
    'data',
    'usage',
    'labels',
    'min-accuracy',
    'limit',
    'model',
    'backend',
  ]);
  if (!options.data)
    throw new Error('usage: npm run confidence -- --data FER2013.csv[.gz] [--usage PublicTest]');
  const usage = options.usage ?? 'PublicTest';
  const labels = (options.labels ?? 'ferplus') as Labelling;
  if (!LABELLINGS.includes(labels)) throw new Error(`--labels must be ${LABELLINGS.join(' or ')}`);
  const minAccuracy = Number(options['min-accuracy'] ?? 0.6);
  const limit = options.limit ? Number(options.limit) : Infinity;
  await useBackend(parseBackend(options.backend));
  const model = options.model ?? MOOD_MODEL;
  const classifier = await createMoodClassifier({ modelUrl: fileModel(model) });
  const expressionNet = await createExpressionClassifier({ modelUrl: fileWeights(EXPRESSION_MODEL) });

  const samples: Record<Labelling, ConfidenceSample[]> = { ferplus: [], fer: [] };
  const add = (list: ConfidenceSample[], actual: Mood | undefined, probabilities: MoodProbabilities) => {
    if (!actual) return;
    const predicted = topMood(probabilities);
    list.push({ confidence: probabilities[predicted], correct: predicted === actual });
  };
  const models = { classifier, expressionNet, blend: SHIPPED_BLEND };
  for await (const faces of readFerFaces(models, { data: options.data, usage, limit })) {
    for (const { face, shipped } of faces) {
      add(samples.ferplus, face.ferPlus, shipped);
      add(samples.fer, face.fer, shipped);
    }
  }
  classifier.dispose();
  expressionNet.dispose();

  const report: Record<string, unknown> = { usage, model, minAccuracy, labels };
  for (const labelling of LABELLINGS) {
    const list = samples[labelling];
    if (!list.length) continue;
    const bins = confidenceBins(list);
    const threshold = thresholdWhereAccuracyFalls(bins, minAccuracy);
    const split = splitAt(list, threshold);
    console.log(
      formatBins(`${labelling === 'fer' ? "FER2013's labels" : 'FER+ majority'}, ${list.length} faces`, bins),
    );
    console.log(
      `  accuracy falls under ${percent(minAccuracy).trim()} below a top probability of ${threshold.toFixed(2)}: ` +
        `${percent(split.belowShare).trim()} of faces are below it (accuracy ${percent(split.belowAccuracy).trim()}), ` +
        `accuracy at or above it ${percent(split.aboveAccuracy).trim()}\n`,
    );
    report[labelling] = { n: list.length, threshold, ...split, bins: bins.filter((bin) => bin.n > 0) };
  }
  const chosen = report[labels] as { threshold: number } | undefined;
  if (!chosen) throw new Error(`no faces with ${labels} labels in ${options.data} (${usage})`);
  console.log(`threshold (${labels}): ${chosen.threshold.toFixed(2)}`);
  console.log(JSON.stringify(report));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
