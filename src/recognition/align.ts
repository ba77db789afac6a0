import * as tf from '@tensorflow/tfjs-core';
import { FACE_CROP_SIZE } from '../model/contract';
import type { Point } from './faceDetector';

export const FACE_SIZE = FACE_CROP_SIZE;

/**
 * Where the eyes sit in a FER2013-like crop: eye midpoint at (0.5, eyeLineY) of the crop and
 * eye centres eyeDistance apart, as fractions of the crop side. Medians over 286 FER2013
 * training faces measured with this same face mesh (scripts/calibrate-alignment.ts).
 */
export const FER_GEOMETRY = { eyeLineY: 0.39, eyeDistance: 0.37 };

// MediaPipe face-mesh indices of the eye corners (image-left eye: 33 outer, 133 inner;
// image-right eye: 362 inner, 263 outer).
const LEFT_EYE = [33, 133] as const;
const RIGHT_EYE = [362, 263] as const;

const mean = (points: Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

export interface Alignment {
  leftEye: Point;
  rightEye: Point;
  eyeDistance: number;
  /** Roll angle in radians (positive: the image-right eye is lower). */
  angle: number;
  /** tf.image.transform parameters mapping crop pixels (of a crop `size` wide) to image pixels. */
  transform(size: number): number[];
}

export function computeAlignment(keypoints: Point[], geometry = FER_GEOMETRY): Alignment {
  const pick = (indices: readonly number[]) =>
    indices.map((i) => {
      const point = keypoints[i];
      if (!point) throw new Error(`face mesh has no keypoint ${i}`);
      return point;
    });
  const leftEye = mean(pick(LEFT_EYE));
  const rightEye = mean(pick(RIGHT_EYE));
  const dx = rightEye.x - leftEye.x;
  const dy = rightEye.y - leftEye.y;
  const eyeDistance = Math.hypot(dx, dy);
  const angle = Math.atan2(dy, dx);
  const mid = { x: (leftEye.x + rightEye.x) / 2, y: (leftEye.y + rightEye.y) / 2 };
  return {
    leftEye,
    rightEye,
    eyeDistance,
    angle,
    transform(size) {
      // Crop pixel (u, v) -> image point mid + s * R(angle) * (u - cx, v - cy), so the eye line is level.
      const s = eyeDistance / (geometry.eyeDistance * size);
      const cos = Math.cos(angle) * s;
      const sin = Math.sin(angle) * s;
      const cx = size / 2;
      const cy = geometry.eyeLineY * size;
      return [cos, -sin, mid.x - cos * cx + sin * cy, sin, cos, mid.y - sin * cx - cos * cy, 0, 0];
    },
  };
}

/** RGBA pixels as in ImageData (a canvas frame or a decoded file). */
export interface RgbaImage {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/**
 * The RGB channels of RGBA pixels as a float32 tensor [H, W, 3] (values 0..255). Float, because
 * the detector and the crop both sample it bilinearly (the detector would otherwise cast the
 * whole frame twice). One pass in JS: several times faster than uploading RGBA and slicing it on
 * the wasm backend, and this is the one step whose cost grows with the frame.
 */
export function toRgbTensor({ data, width, height }: RgbaImage): tf.Tensor3D {
  const rgb = new Float32Array(width * height * 3);
  for (let from = 0, to = 0; to < rgb.length; from += 4, to += 3) {
    rgb[to] = data[from]!;
    rgb[to + 1] = data[from + 1]!;
    rgb[to + 2] = data[from + 2]!;
  }
  return tf.tensor3d(rgb, [height, width, 3]);
}

const GREY_WEIGHTS = [0.299, 0.587, 0.114];

/** Grey levels (0..255) of an RGB image tensor [..., 3], shape [..., 1]. */
export function toGrey<T extends tf.Tensor>(rgb: T): T {
  return tf.tidy(() => tf.sum(tf.mul(tf.cast(rgb, 'float32'), tf.tensor1d(GREY_WEIGHTS)), -1, true) as T);
}

/**
 * Rotates the face upright and crops it like a FER2013 face: [1, 48, 48, 1] grey levels 0..255.
 * Samples at twice the size and averages 2x2 blocks, so large faces are not aliased.
 *
 * `image` is the frame in grey [H, W, 1] or RGB [H, W, 3] (float). RGB is greyed after the crop,
 * so the cost does not grow with the frame; sampling and greying are both linear, so the crop
 * equals the one cropped from a grey frame (test/model/cropEquivalence.test.ts).
 */
export function alignFace(image: tf.Tensor3D, alignment: Alignment): tf.Tensor4D {
  return tf.tidy(() => {
    const size = FACE_SIZE * 2;
    const transform = tf.tensor2d([alignment.transform(size)], [1, 8]);
    const batch = tf.expandDims(image, 0) as tf.Tensor4D;
    const crop = tf.image.transform(batch, transform, 'bilinear', 'nearest', 0, [size, size]);
    const grey = image.shape[2] === 3 ? toGrey(crop) : crop;
    return tf.avgPool(grey, 2, 2, 'valid');
  });
}
