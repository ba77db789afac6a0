/**
 * npm run eval:photos -- DIR LABELS.csv [--model model.json] [--border 0.5] [--face-api true]
 *                        [--crops-out crops.json] [--readings-out readings.json] [--backend wasm|cpu]
 *
 * Runs the whole pipeline the extension runs (face detection, landmarks, alignment, both
 * classifiers with flip averaging, their blend) over labelled photos (a CSV with `file` and
 * `mood` columns, moods calm|angry|sad|happy|surprised, and optionally `person`) and prints the
 * same report as `npm run eval` for the shipped reading (the blend), the DenseNet alone and
 * face-api.js's expression net alone on the same crops: accuracy (a photo with no face found
 * counts as wrong), macro-F1, per-mood recall, confusion matrix, ECE and NLL; the last line is JSON.
 *
 * --border F     pads each photo with a mid-grey border F face-widths wide (tight crops such as
 *                LFW's defeat some detectors); applied to both pipelines.
 * --face-api     also scores face-api.js's expression pipeline on the same photos.
 * --crops-out    writes the aligned 48x48 crops and labels as JSON (training/choose.py reads it
 *                to score checkpoints on exactly what the extension feeds the model).
 * --readings-out writes each photo's readings (DenseNet and expression net probabilities, label,
 *                person) as JSON, for training/fit_blend.py and eval:personal.
 */
import { writeFileSync } from 'node:fs';
import { createMoodRecognizer, toRgbTensor } from '../../recognition';
import type { Mood, MoodProbabilities } from '../../model/moods';
import { parseArgs } from '../args';
import { parseBackend, useBackend } from '../backend';
import { createFaceApiBaseline } from '../faceApi';
import { evaluate, formatEvaluation, summarise, type Scored } from '../metrics';
import { localRecognizerConfig, MOOD_MODEL } from '../modelPaths';
import { readLabels, readPhotos, type PhotoReading } from '../photoReadings';

async function main(): Promise<void> {
  const { positional, options } = parseArgs(process.argv.slice(2), [
    'model',
    'border',
    'face-api',
    'crops-out',
    'readings-out',
    'backend',
  ]);
  const [dir, labelsPath] = positional;
  if (!dir || !labelsPath)
    throw new Error('usage: npm run eval:photos -- DIR LABELS.csv [--model model.json]');
  const border = Number(options.border ?? 0);
  const model = options.model ?? MOOD_MODEL;
  await useBackend(parseBackend(options.backend));
  const recognizer = await createMoodRecognizer(localRecognizerConfig(model));
  const faceApi = options['face-api'] === 'true' ? await createFaceApiBaseline() : null;
  const photos = readLabels(labelsPath);
  const theirs: Scored[] = [];
  const crops: { file: string; mood: Mood; pixels: number[] }[] = [];
  const started = Date.now();
  const { readings, failures } = await readPhotos(
    recognizer,
    dir,
    photos,
    border,
    async ({ file, mood }, image, result) => {
      if (result && options['crops-out']) crops.push({ file, mood, pixels: result.face.crop });
      if (faceApi) {
        const rgb = toRgbTensor(image);
        const found = await faceApi.recognize(rgb).finally(() => rgb.dispose());
        theirs.push({ actual: mood, probabilities: found?.probabilities ?? null });
      }
    },
  );
  const scored = (pick: (reading: PhotoReading) => MoodProbabilities | null): Scored[] =>
    readings.map((reading) => ({ actual: reading.mood, probabilities: pick(reading) }));

  recognizer.dispose();
  const evaluation = evaluate(scored((r) => r.probabilities));
  const densenet = evaluate(scored((r) => r.densenet));
  const expression = readings.some((r) => r.expression) ? evaluate(scored((r) => r.expression)) : null;
  console.log(formatEvaluation(`Moodtab (shipped reading) on ${dir}`, evaluation));
  console.log(formatEvaluation(`the DenseNet alone on ${dir}`, densenet));
  if (expression)
    console.log(
      formatEvaluation(`face-api.js's expression net alone, Moodtab's crops, on ${dir}`, expression),
    );
  if (Object.keys(failures).length) console.log(`  not read: ${JSON.stringify(failures)}`);
  const baseline = faceApi ? evaluate(theirs) : null;
  if (baseline) console.log(formatEvaluation(`face-api.js on ${dir}`, baseline));
  console.log(`${photos.length} photos in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (options['crops-out']) writeFileSync(options['crops-out'], JSON.stringify({ border, crops }));
  if (options['readings-out']) writeFileSync(options['readings-out'], JSON.stringify({ border, readings }));
  console.log(
    JSON.stringify({
      photos: dir,
      model,
      border,
      moodtab: { ...summarise(evaluation), failures },
      densenet: summarise(densenet),
      ...(expression ? { expressionNet: summarise(expression) } : {}),
      ...(baseline ? { faceApi: summarise(baseline) } : {}),
    }),
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
