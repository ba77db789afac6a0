/**
 * npm run bench [-- --runs 15 --faces 150 --data ../shared/fer2013/fer2013.csv.gz --backends wasm,cpu]
 *
 * Latency per stage (median after warm-up) of Moodtab's pipeline and of face-api.js's expression
 * pipeline on the same photos, per tfjs backend; then accuracy of both on the same labelled FER2013
 * PublicTest faces (each enlarged into a 288x288 frame so both detectors must find it); and the
 * tensor count before/after, to catch leaks. First, what recording one journal entry costs in a
 * journal of 30,000, stored as one value (before) and in monthly buckets (now). Prints figures
 * only: no targets are asserted here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as faceDetection from '@tensorflow-models/face-detection';
import {
  alignFace,
  computeAlignment,
  createFaceDetector,
  createMoodClassifier,
  recognizerFrom,
  toRgbTensor,
  type RgbaImage,
} from '../../recognition';
import { topMood, type Mood } from '../../model/moods';
import { parseArgs } from '../args';
import { useBackend, parseBackend } from '../backend';
import { createFaceApiBaseline } from '../faceApi';
import { readFerCsv } from '../ferCsv';
import { timeJournalRecord } from '../journalBench';
import { fileModel } from '../fileModel';
import { decodeImageFile } from '../images';
import { timeFramePreparation } from '../framePreparation';
import { FACE_DETECTOR_MODEL, FACE_LANDMARK_MODEL, MOOD_MODEL, ROOT } from '../modelPaths';
import { greyToRgba, onGreyFrame, resize } from '../rgbaImages';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;

/** A 48x48 FER face enlarged x4 into the middle of a 288x288 mid-grey frame. */
const ferFrame = (pixels: Uint8Array): RgbaImage =>
  onGreyFrame(resize(greyToRgba(pixels, 48, 48), 192, 192), { width: 288, height: 288, grey: 128 });

type Baseline = Awaited<ReturnType<typeof createFaceApiBaseline>>;

/**
 * Both pipelines end to end on the same enlarged FER faces (a face not found counts as wrong),
 * and both classifiers alone on the same 48x48 crops (no detector in the way).
 */
async function compareAccuracy(
  data: string,
  limit: number,
  recognizer: ReturnType<typeof recognizerFrom>,
  classifier: Awaited<ReturnType<typeof createMoodClassifier>>,
  faceApi: Baseline,
) {
  const correct = { moodtabPipeline: 0, faceApiPipeline: 0, moodtabClassifier: 0, faceApiClassifier: 0 };
  const found = { moodtabPipeline: 0, faceApiPipeline: 0 };
  let total = 0;
  for await (const face of readFerCsv(data, 'PublicTest')) {
    if (total >= limit) break;
    if (!face.fer) continue;
    total++;
    const score = (key: keyof typeof correct, mood: Mood | undefined) => {
      if (mood === face.fer) correct[key]++;
    };
    const frame = ferFrame(face.pixels);
    const ours = await recognizer.recognize(frame).catch(() => null);
    if (ours) found.moodtabPipeline++;
    score('moodtabPipeline', ours?.mood);
    const rgb = toRgbTensor(frame);
    const theirs = await faceApi.recognize(rgb);
    rgb.dispose();
    if (theirs) found.faceApiPipeline++;
    score('faceApiPipeline', theirs ? topMood(theirs.probabilities) : undefined);
    const grey = tf.tensor4d(face.pixels, [1, 48, 48, 1], 'float32');
    score('moodtabClassifier', topMood((await classifier.classify(grey))[0]!));
    const crop = tf.tidy(() => tf.tile(tf.squeeze(grey, [0]), [1, 1, 3]) as tf.Tensor3D);
    score('faceApiClassifier', topMood(await faceApi.classifyCrop(crop)));
    tf.dispose([grey, crop]);
  }
  console.log(`\n== accuracy on ${total} FER2013 PublicTest faces, five moods ==`);
  for (const [name, value] of Object.entries(correct)) {
    const seen = name in found ? `  (face found in ${found[name as keyof typeof found]}/${total})` : '';
    console.log(`  ${name.padEnd(20)} ${((100 * value) / total).toFixed(1).padStart(5)}%${seen}`);
  }
  return {
    faces: total,
    ...Object.fromEntries(Object.entries(correct).map(([k, v]) => [k, Number((v / total).toFixed(4))])),
    found,
  };
}

async function main() {
  const { options } = parseArgs(process.argv.slice(2), ['runs', 'faces', 'data', 'backends']);
  const runs = Number(options.runs ?? 15);
  const faceCount = Number(options.faces ?? 150);
  const data = options.data ?? join(ROOT, '..', 'shared', 'fer2013', 'fer2013.csv.gz');
  const backends = (options.backends ?? 'wasm,cpu').split(',').map(parseBackend);
  const photos = ['one-face.jpg', 'two-faces.jpg'].map((name) =>
    decodeImageFile(join(ROOT, 'test', 'fixtures', 'faces', name)),
  );
  const summary: Record<string, unknown> = {};

  const journal = await timeJournalRecord(30_000, runs);
  console.log(`== journal: recording one entry into ${journal.entries} entries, median of ${runs} ==`);
  console.log(`  one value (before monthly buckets)               ${ms(journal.oneValue)}`);
  console.log(`  monthly buckets (its month only)                 ${ms(journal.months)}`);
  summary.journalRecord = journal;

  for (const backend of backends) {
    await useBackend(backend);
    const backendRuns = backend === 'cpu' ? Math.max(3, Math.floor(runs / 3)) : runs;
    const detectorOnly = await faceDetection.createDetector(
      faceDetection.SupportedModels.MediaPipeFaceDetector,
      {
        runtime: 'tfjs',
        modelType: 'short',
        maxFaces: 4,
        detectorModelUrl: fileModel(FACE_DETECTOR_MODEL),
      },
    );
    const mesh = await createFaceDetector({
      detectorModelUrl: fileModel(FACE_DETECTOR_MODEL),
      landmarkModelUrl: fileModel(FACE_LANDMARK_MODEL),
    });
    const classifier = await createMoodClassifier({ modelUrl: fileModel(MOOD_MODEL) });
    const recognizer = recognizerFrom(mesh, classifier);
    const faceApi = await createFaceApiBaseline();
    const stages: Record<string, number[]> = {};
    const add = (stage: string, value: number) => (stages[stage] ??= []).push(value);
    const tensorsBefore = tf.memory().numTensors;

    for (let run = -2; run < backendRuns; run++) {
      for (const image of photos) {
        const rgb = toRgbTensor(image);
        let t = performance.now();
        await detectorOnly.estimateFaces(rgb);
        const detection = performance.now() - t;
        t = performance.now();
        const faces = await mesh.detect(rgb);
        const meshTime = performance.now() - t;
        t = performance.now();
        const face = alignFace(rgb, computeAlignment(faces[0]!.keypoints));
        await face.data();
        const align = performance.now() - t;
        t = performance.now();
        await classifier.classify(face);
        const classify = performance.now() - t;
        face.dispose();
        t = performance.now();
        await recognizer.recognize(image);
        const total = performance.now() - t;
        const baseline = await faceApi.recognize(rgb);
        rgb.dispose();
        if (run < 0) continue; // warm-up: shader/kernel compilation, first allocations
        add('moodtab detection', detection);
        add('moodtab landmarks (mesh incl. its detector)', meshTime);
        add('moodtab alignment', align);
        add('moodtab classification (DenseNet-121, x2 flip)', classify);
        add('moodtab total (recognize)', total);
        if (baseline) {
          add('face-api detection (SSD MobileNet v1)', baseline.timings.detect);
          add('face-api expression', baseline.timings.expression);
          add('face-api total', baseline.timings.detect + baseline.timings.expression);
        }
      }
    }
    const tensorsAfter = tf.memory().numTensors;
    console.log(
      `\n== backend ${backend}: median of ${backendRuns} runs x ${photos.length} photos, after 2 warm-up runs ==`,
    );
    for (const [stage, values] of Object.entries(stages))
      console.log(`  ${stage.padEnd(48)} ${ms(median(values))}`);
    console.log(`  tensors before/after the runs: ${tensorsBefore} / ${tensorsAfter}`);
    const framePreparation = await timeFramePreparation(
      photos[0]!,
      async (image) => {
        const rgb = toRgbTensor(image);
        const [face] = await mesh.detect(rgb);
        rgb.dispose();
        return face!.keypoints;
      },
      backendRuns,
    );
    console.log('  frame preparation without detection, ms per frame     before   after');
    for (const { resolution, before, after } of framePreparation)
      console.log(
        `    ${resolution.padEnd(50)} ${before.toFixed(1).padStart(6)}  ${after.toFixed(1).padStart(6)}`,
      );
    summary[backend] = {
      ...Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Number(median(v).toFixed(1))])),
      tensorLeak: tensorsAfter - tensorsBefore,
      framePreparation,
    };

    if (backend === backends[0] && existsSync(data)) {
      summary.accuracy = await compareAccuracy(data, faceCount, recognizer, classifier, faceApi);
    }
    detectorOnly.dispose();
    recognizer.dispose();
  }
  console.log(JSON.stringify(summary));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
