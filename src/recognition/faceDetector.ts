import * as faceLandmarksDetection from '@tensorflow-models/face-landmarks-detection';
import type { io, Tensor3D } from '@tensorflow/tfjs-core';
import { MoodtabError } from '../common/errors';
import type { Box } from '../model/recognition';

export interface Point {
  x: number;
  y: number;
}

export interface DetectedFace {
  box: Box;
  /** MediaPipe face-mesh keypoints (468), in image pixels. */
  keypoints: Point[];
}

export interface FaceDetectorConfig {
  /** MediaPipe short-range face detector (tfjs graph model), URL or IO handler. */
  detectorModelUrl: string | io.IOHandler;
  /** MediaPipe face mesh (tfjs graph model), URL or IO handler. */
  landmarkModelUrl: string | io.IOHandler;
  maxFaces?: number;
}

export interface FaceDetector {
  /** All faces found, largest first. */
  detect(image: Tensor3D): Promise<DetectedFace[]>;
  dispose(): void;
}

/** Intersection over union of two boxes. */
function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const inter = Math.max(0, w) * Math.max(0, h);
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/**
 * Largest first, dropping faces that mostly overlap a larger one: the mesh sometimes returns a
 * second, shifted copy of the same face, which would be miscounted as another person.
 */
function distinctFaces(faces: DetectedFace[], maxOverlap = 0.3): DetectedFace[] {
  const sorted = [...faces].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
  return sorted.reduce<DetectedFace[]>(
    (kept, face) => (kept.some((k) => overlap(k.box, face.box) > maxOverlap) ? kept : [...kept, face]),
    [],
  );
}

export async function createFaceDetector(config: FaceDetectorConfig): Promise<FaceDetector> {
  let detector: faceLandmarksDetection.FaceLandmarksDetector;
  try {
    detector = await faceLandmarksDetection.createDetector(
      faceLandmarksDetection.SupportedModels.MediaPipeFaceMesh,
      {
        runtime: 'tfjs',
        refineLandmarks: false,
        maxFaces: config.maxFaces ?? 4,
        detectorModelUrl: config.detectorModelUrl,
        landmarkModelUrl: config.landmarkModelUrl,
      },
    );
  } catch (error) {
    throw new MoodtabError('model-load-failed', `face models: ${(error as Error).message}`);
  }
  return {
    async detect(image) {
      // Every capture is an independent snapshot. staticImageMode alone is not enough: the library
      // still merges the previous call's landmark regions into this one's, shifting boxes and
      // landmarks by several pixels, so its tracking state is cleared first.
      detector.reset();
      const faces = await detector.estimateFaces(image, { flipHorizontal: false, staticImageMode: true });
      return distinctFaces(
        faces.map((face) => ({
          box: { x: face.box.xMin, y: face.box.yMin, width: face.box.width, height: face.box.height },
          keypoints: face.keypoints.map(({ x, y }) => ({ x, y })),
        })),
      );
    },
    dispose: () => detector.dispose(),
  };
}
