/**
 * npm run eval:photos -- DIR LABELS.csv [--model model.json] [--border 0.5] [--face-api true]
 *                        [--crops-out crops.json] [--backend wasm|cpu]
 *
 * Runs the whole pipeline the extension runs (face detection, landmarks, alignment, classifier
 * with flip averaging) over labelled photos (`file,mood` CSV, moods calm|angry|sad|happy|surprised)
 * and prints the same report as `npm run eval`: accuracy (a photo with no face found counts as
 * wrong), macro-F1, per-class recall, confusion matrix, ECE and NLL; the last line is JSON.
 *
 * --border F     pads each photo with a mid-grey border F face-widths wide (tight crops such as
 *                LFW's defeat some detectors); applied to both pipelines.
 * --face-api     also scores face-api.js's expression pipeline on the same photos.
 * --crops-out    writes the aligned 48x48 crops and labels as JSON (training/select.py reads it
 *                to score checkpoints on exactly what the extension feeds the model).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMoodRecognizer, toRgbTensor, type RgbaImage } from '../../recognition';
import { isMood, type Mood } from '../../model/moods';
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
}

/** Reads a `file,mood` CSV (header optional); unknown moods are errors, not silently skipped. */
export function readLabels(path: string): LabelledPhoto[] {
  const rows = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (rows[0]?.toLowerCase().startsWith('file,')) rows.shift();
  return rows.map((row, i) => {
    const [file, mood] = row.split(',').map((cell) => cell.trim());
    if (!file || !isMood(mood)) throw new Error(`${path}:${i + 2}: expected file,mood with a Moodtab mood`);
    return { file, mood };
  });
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
  const theirs: Scored[] = [];
  const crops: { file: string; mood: Mood; pixels: number[] }[] = [];
  const failures: Record<string, number> = {};
  const started = Date.now();

  for (const { file, mood } of photos) {
    const image = withBorder(decodeImageFile(join(dir, file)), border);
    const result = await recognizer.recognize(image).catch((error: { code?: string }) => {
      failures[error.code ?? 'error'] = (failures[error.code ?? 'error'] ?? 0) + 1;
      return null;
    });
    ours.push({ actual: mood, probabilities: result?.probabilities ?? null });
    if (result && options['crops-out']) crops.push({ file, mood, pixels: result.face.crop });
    if (faceApi) {
      const rgb = toRgbTensor(image);
      const found = await faceApi.recognize(rgb).finally(() => rgb.dispose());
      theirs.push({ actual: mood, probabilities: found?.probabilities ?? null });
    }
  }

  recognizer.dispose();
  const evaluation = evaluate(ours);
  console.log(formatEvaluation(`Moodtab on ${dir}`, evaluation));
  if (Object.keys(failures).length) console.log(`  not read: ${JSON.stringify(failures)}`);
  const baseline = faceApi ? evaluate(theirs) : null;
  if (baseline) console.log(formatEvaluation(`face-api.js on ${dir}`, baseline));
  console.log(`${photos.length} photos in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (options['crops-out']) writeFileSync(options['crops-out'], JSON.stringify({ border, crops }));
  console.log(
    JSON.stringify({
      photos: dir,
      model,
      border,
      moodtab: { ...summarise(evaluation), failures },
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
