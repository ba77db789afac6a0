import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { alignFace, computeAlignment, FACE_SIZE, FER_GEOMETRY } from '../../src/recognition/align';
import type { Point } from '../../src/recognition/faceDetector';

/** 468 mesh keypoints with only the eye corners placed: a face of given eye centres. */
function meshWithEyes(left: Point, right: Point): Point[] {
  const points: Point[] = Array.from({ length: 468 }, () => ({ x: 0, y: 0 }));
  const dx = (right.x - left.x) * 0.1;
  const dy = (right.y - left.y) * 0.1;
  points[33] = { x: left.x - dx, y: left.y - dy };
  points[133] = { x: left.x + dx, y: left.y + dy };
  points[362] = { x: right.x - dx, y: right.y - dy };
  points[263] = { x: right.x + dx, y: right.y + dy };
  return points;
}

/** A dark image with bright 5x5 dots at the given points. */
function dots(width: number, height: number, at: Point[]): tf.Tensor3D {
  const data = new Float32Array(width * height).fill(20);
  for (const p of at) {
    for (let y = -2; y <= 2; y++)
      for (let x = -2; x <= 2; x++) data[(Math.round(p.y) + y) * width + Math.round(p.x) + x] = 255;
  }
  return tf.tensor3d(data, [height, width, 1]);
}

function brightest(values: Float32Array | Int32Array | Uint8Array, fromX: number, toX: number): Point {
  let best = { x: 0, y: 0, v: -1 };
  for (let y = 0; y < FACE_SIZE; y++) {
    for (let x = fromX; x < toX; x++) {
      const v = values[y * FACE_SIZE + x]!;
      if (v > best.v) best = { x, y, v };
    }
  }
  return best;
}

describe('face alignment', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it('measures eye distance and roll', () => {
    const a = computeAlignment(meshWithEyes({ x: 100, y: 100 }, { x: 160, y: 160 }));
    expect(a.eyeDistance).toBeCloseTo(Math.hypot(60, 60), 5);
    expect(a.angle).toBeCloseTo(Math.PI / 4, 5);
    expect(a.leftEye).toEqual({ x: 100, y: 100 });
  });

  it.each([0, 25, -35])('levels the eyes and places them like FER2013 at %i degrees of roll', (degrees) => {
    const angle = (degrees * Math.PI) / 180;
    const centre = { x: 150, y: 140 };
    const half = 40;
    const left = { x: centre.x - half * Math.cos(angle), y: centre.y - half * Math.sin(angle) };
    const right = { x: centre.x + half * Math.cos(angle), y: centre.y + half * Math.sin(angle) };
    const image = dots(300, 300, [left, right]);
    const face = alignFace(image, computeAlignment(meshWithEyes(left, right)));
    expect(face.shape).toEqual([1, FACE_SIZE, FACE_SIZE, 1]);
    const values = face.dataSync() as Float32Array;
    const l = brightest(values, 0, FACE_SIZE / 2);
    const r = brightest(values, FACE_SIZE / 2, FACE_SIZE);
    const eyeY = FER_GEOMETRY.eyeLineY * FACE_SIZE;
    const spread = (FER_GEOMETRY.eyeDistance * FACE_SIZE) / 2;
    expect(Math.abs(l.y - eyeY)).toBeLessThanOrEqual(1.5);
    expect(Math.abs(r.y - eyeY)).toBeLessThanOrEqual(1.5);
    expect(Math.abs(l.x - (FACE_SIZE / 2 - spread))).toBeLessThanOrEqual(1.5);
    expect(Math.abs(r.x - (FACE_SIZE / 2 + spread))).toBeLessThanOrEqual(1.5);
    tf.dispose([image, face]);
  });
});
