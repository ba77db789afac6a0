import * as tf from '@tensorflow/tfjs-core';
import type { Point } from './faceDetector';

export const FACE_SIZE = 48;

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

/** The RGB channels of RGBA pixels as an int32 tensor [H, W, 3]. */
export function toRgbTensor(image: RgbaImage): tf.Tensor3D {
  return tf.tidy(() => {
    const bytes = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length);
    const rgba = tf.tensor3d(bytes, [image.height, image.width, 4], 'int32');
    return tf.slice(rgba, [0, 0, 0], [-1, -1, 3]) as tf.Tensor3D;
  });
}

/** Grey levels (0..255) of an RGB image tensor, shape [H, W, 1]. */
export function toGrey(rgb: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const weights = tf.tensor1d([0.299, 0.587, 0.114]);
    return tf.sum(tf.mul(tf.cast(rgb, 'float32'), weights), -1, true) as tf.Tensor3D;
  });
}

/**
 * Rotates the face upright and crops it like a FER2013 face: [1, 48, 48, 1] grey levels 0..255.
 * Samples at twice the size and averages 2x2 blocks, so large faces are not aliased.
 */
export function alignFace(grey: tf.Tensor3D, alignment: Alignment): tf.Tensor4D {
  return tf.tidy(() => {
    const size = FACE_SIZE * 2;
    const transform = tf.tensor2d([alignment.transform(size)], [1, 8]);
    const image = tf.expandDims(grey, 0) as tf.Tensor4D;
    const crop = tf.image.transform(image, transform, 'bilinear', 'nearest', 0, [size, size]);
    return tf.avgPool(crop, 2, 2, 'valid');
  });
}
