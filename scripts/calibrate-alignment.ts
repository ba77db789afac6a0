/**
 * Measures where FER2013 faces have their eyes, with the same face mesh the extension uses, so
 * that webcam crops can be cut to match (src/recognition/align.ts FER_GEOMETRY).
 *
 *   npx tsx scripts/calibrate-alignment.ts ../shared/fer2013/fer2013.csv.gz [count]
 *
 * Each 48x48 face is placed, scaled x4, in the middle of a 384x384 grey canvas (the short-range
 * detector misses faces that fill the whole frame); the eye centres found are mapped back.
 */
import { createFaceDetector, computeAlignment, toRgbTensor } from '../src/recognition';
import { useBackend } from '../src/node/backend';
import { fileModel } from '../src/node/fileModel';
import { readFerCsv } from '../src/node/ferCsv';
import { FACE_DETECTOR_MODEL, FACE_LANDMARK_MODEL } from '../src/node/modelPaths';
import { greyToRgba, onGreyFrame, resize } from '../src/node/rgbaImages';

async function main() {
  const [csv, countArg] = process.argv.slice(2);
  if (!csv) throw new Error('usage: calibrate-alignment.ts FER2013.csv[.gz] [count]');
  const count = Number(countArg ?? 300);
  await useBackend('wasm');
  const detector = await createFaceDetector({
    detectorModelUrl: fileModel(FACE_DETECTOR_MODEL),
    landmarkModelUrl: fileModel(FACE_LANDMARK_MODEL),
    maxFaces: 1,
  });
  const scale = 4;
  const offset = (384 - 48 * scale) / 2;
  const samples: { eyeY: number; eyeDistance: number; midX: number }[] = [];
  let tried = 0;
  for await (const face of readFerCsv(csv, 'Training')) {
    if (tried >= count) break;
    tried++;
    const big = resize(greyToRgba(face.pixels, 48, 48), 48 * scale, 48 * scale, 'bilinear');
    const canvas = toRgbTensor(onGreyFrame(big, { width: 384, height: 384, grey: 128 }));
    const [found] = await detector.detect(canvas);
    canvas.dispose();
    if (!found) continue;
    const a = computeAlignment(found.keypoints);
    const toFace = (v: number) => (v - offset) / scale / 48;
    samples.push({
      eyeY: toFace((a.leftEye.y + a.rightEye.y) / 2),
      midX: toFace((a.leftEye.x + a.rightEye.x) / 2),
      eyeDistance: a.eyeDistance / scale / 48,
    });
  }
  const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  console.log(
    JSON.stringify({
      faces: tried,
      detected: samples.length,
      eyeLineY: median(samples.map((s) => s.eyeY)),
      eyeDistance: median(samples.map((s) => s.eyeDistance)),
      eyeMidX: median(samples.map((s) => s.midX)),
    }),
  );
  detector.dispose();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
