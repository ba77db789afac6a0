/** The webcam of the e2e tests and the browser bench: a still picture written as a YUV4MPEG2 video, which Chromium loops. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RgbaImage } from '../recognition';
import { decodeImageFile } from './images';
import { ROOT } from './modelPaths';
import { onGreyFrame, resize } from './rgbaImages';

/**
 * The camera picture: a face photo in the middle of a grey frame, 5/6 of its height (400x400 in
 * the default 640x480).
 */
export function cameraFrame(face: RgbaImage, { width = 640, height = 480 } = {}): RgbaImage {
  const side = Math.round((height * 5) / 6);
  return onGreyFrame(resize(face, side, side), { width, height, grey: 96 });
}

/** One 4:2:0 frame, BT.601 studio range. */
function y4mFrame({ width, height, data }: RgbaImage): Buffer {
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = (row * width + col) * 4;
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      y[row * width + col] = Math.round(0.257 * r + 0.504 * g + 0.098 * b + 16);
      if (row % 2 === 0 && col % 2 === 0) {
        const j = (row / 2) * (width / 2) + col / 2;
        u[j] = Math.round(-0.148 * r - 0.291 * g + 0.439 * b + 128);
        v[j] = Math.round(0.439 * r - 0.368 * g - 0.071 * b + 128);
      }
    }
  }
  return Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
}

export function writeY4m(path: string, image: RgbaImage, frames = 10): void {
  const header = Buffer.from(`YUV4MPEG2 W${image.width} H${image.height} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = y4mFrame(image);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

/** Writes the fake webcam video for a face fixture (one-face, no-face...); returns it and its frame. */
export function fixtureVideo(fixture: string): { video: string; frame: RgbaImage } {
  const frame = cameraFrame(decodeImageFile(join(ROOT, 'test', 'fixtures', 'faces', `${fixture}.jpg`)));
  const video = join(ROOT, 'artifacts', `e2e-${fixture}.y4m`);
  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  writeY4m(video, frame);
  return { video, frame };
}
