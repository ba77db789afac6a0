/**
 * What preparing a camera frame costs at each resolution, the way the pipeline did it before
 * (RGBA uploaded as int32 and sliced, the whole frame greyed and averaged for the brightness
 * check, the face cropped from the grey frame) and the way it does now (brightness on a sampled
 * grid, RGB built in one pass, the face cropped from the RGB frame and only the crop greyed).
 * Detection is left out: it is the same either way. Run by `npm run bench`.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  alignFace,
  computeAlignment,
  meanBrightness,
  toGrey,
  toRgbTensor,
  type RgbaImage,
} from '../recognition';
import type { Point } from '../recognition/faceDetector';
import { onGreyFrame, resize } from './rgbaImages';

const RESOLUTIONS = [
  [640, 480],
  [1280, 720],
  [1920, 1080],
] as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function before(image: RgbaImage, keypoints: Point[]): Promise<void> {
  const bytes = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length);
  const rgb = tf.tidy(() =>
    tf.slice(tf.tensor3d(bytes, [image.height, image.width, 4], 'int32'), [0, 0, 0], [-1, -1, 3]),
  ) as tf.Tensor3D;
  const grey = toGrey(rgb);
  const level = tf.mean(grey);
  await level.data();
  const face = alignFace(grey, computeAlignment(keypoints));
  await face.data();
  tf.dispose([rgb, grey, level, face]);
}

async function after(image: RgbaImage, keypoints: Point[]): Promise<void> {
  meanBrightness(image);
  const rgb = toRgbTensor(image);
  const face = alignFace(rgb, computeAlignment(keypoints));
  await face.data();
  tf.dispose([rgb, face]);
}

/**
 * Median ms per frame, before and after, for a face photo placed in frames of each resolution.
 * `keypoints(image)` finds the face (once per resolution, untimed).
 */
export async function timeFramePreparation(
  face: RgbaImage,
  keypoints: (image: RgbaImage) => Promise<Point[]>,
  runs = 10,
): Promise<{ resolution: string; before: number; after: number }[]> {
  const results = [];
  for (const [width, height] of RESOLUTIONS) {
    const side = Math.round((height * 5) / 6);
    const image = onGreyFrame(resize(face, side, side), { width, height, grey: 96 });
    const points = await keypoints(image);
    const time = async (prepare: typeof before) => {
      await prepare(image, points); // warm-up
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await prepare(image, points);
        times.push(performance.now() - started);
      }
      return median(times);
    };
    results.push({ resolution: `${width}x${height}`, before: await time(before), after: await time(after) });
  }
  return results;
}
