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
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMoodRecognizer, toRgbTensor, type RgbaImage } from '../../recognition';
import { isMood, type Mood, type MoodProbabilities } from '../../shared/moods';
import { parseArgs } from '../args';
import { parseBackend, useBackend } from '../backend';
import { createFaceApiBaseline } from '../faceApi';
import { decodeImageFile } from '../images';
import { evaluate, formatEvaluation, summarise, type Scored } from '../metrics';
import { localRecognizerConfig, MOOD_MODEL } from '../modelPaths';
import { onGreyFrame } from '../rgbaImages';

export interface LabelledPhoto {
  file: string;
  mood: Mood;
  /** Who is in the photo, when the CSV has a `person` column. */
  person?: string;
}

/**
 * Reads a labels CSV: a header naming `file`, `mood` and optionally `person`, or no header and
 * `file,mood` rows. Unknown moods are errors, not silently skipped.
 */
export function readLabels(path: string): LabelledPhoto[] {
  const rows = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.split(',').map((cell) => cell.trim()));
  const header =
    rows[0]?.[0]?.toLowerCase() === 'file' ? rows.shift()!.map((h) => h.toLowerCase()) : ['file', 'mood'];
  const column = (name: string) => header.indexOf(name);
  if (column('mood') < 0) throw new Error(`${path}: no mood column`);
  return rows.map((cells, i) => {
    const file = cells[column('file')];
    const mood = cells[column('mood')];
    const person = column('person') >= 0 ? cells[column('person')] : undefined;
    if (!file || !isMood(mood)) throw new Error(`${path}:${i + 2}: expected a file and a Moodtab mood`);
    return { file, mood, ...(person ? { person } : {}) };
  });
}

/** What --readings-out writes per photo: null readings where no face was found. */
export interface PhotoReading extends LabelledPhoto {
  densenet: MoodProbabilities | null;
  expression: MoodProbabilities | null;
}

/** The image in the middle of a mid-grey frame `border` image-sides wide on each side. */
export function withBorder(image: RgbaImage, border: number): RgbaImage {
  if (border <= 0) return image;
  const pad = 2 * Math.round(border * Math.max(image.width, image.height));
  return onGreyFrame(image, { width: image.width + pad, height: image.height + pad, grey: 128 });
}

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
  const ours: Scored[] = [];
  const densenetAlone: Scored[] = [];
  const expressionAlone: Scored[] = [];
  const theirs: Scored[] = [];
  const readings: PhotoReading[] = [];
  const crops: { file: string; mood: Mood; pixels: number[] }[] = [];
  const failures: Record<string, number> = {};
  const started = Date.now();

  for (const photo of photos) {
    const { file, mood } = photo;
    const image = withBorder(decodeImageFile(join(dir, file)), border);
    const result = await recognizer.recognize(image).catch((error: { code?: string }) => {
      failures[error.code ?? 'error'] = (failures[error.code ?? 'error'] ?? 0) + 1;
      return null;
    });
    ours.push({ actual: mood, probabilities: result?.probabilities ?? null });
    densenetAlone.push({ actual: mood, probabilities: result?.sources?.densenet ?? null });
    expressionAlone.push({ actual: mood, probabilities: result?.sources?.expression ?? null });
    readings.push({
      ...photo,
      densenet: result?.sources?.densenet ?? null,
      expression: result?.sources?.expression ?? null,
    });
    if (result && options['crops-out']) crops.push({ file, mood, pixels: result.face.crop });
    if (faceApi) {
      const rgb = toRgbTensor(image);
      const found = await faceApi.recognize(rgb).finally(() => rgb.dispose());
      theirs.push({ actual: mood, probabilities: found?.probabilities ?? null });
    }
  }

  recognizer.dispose();
  const evaluation = evaluate(ours);
  const densenet = evaluate(densenetAlone);
  const expression = expressionAlone.some((s) => s.probabilities) ? evaluate(expressionAlone) : null;
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
