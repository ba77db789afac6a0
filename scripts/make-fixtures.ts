/**
 * Regenerates the photo fixtures in test/fixtures/faces from the MIT-licensed demo photos that
 * ship in the @vladmandic/face-api npm package (see test/fixtures/faces/PROVENANCE.md), and the
 * fake-camera video used by the e2e test (artifacts/, not committed: it is large and derived).
 *
 *   npx tsx scripts/make-fixtures.ts            # photos
 *   npx tsx scripts/make-fixtures.ts --video    # also artifacts/face.y4m
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { decodeImageFile } from '../src/node/images';
import { ROOT } from '../src/node/modelPaths';
import type { RgbaImage } from '../src/recognition';

const SAMPLES = join(ROOT, 'node_modules', '@vladmandic', 'face-api', 'demo');
const OUT = join(ROOT, 'test', 'fixtures', 'faces');

/** Crop [x, y, width, height] of a sample photo. */
export const CROPS = {
  'one-face.jpg': { sample: 'sample1.jpg', box: [1330, 60, 520, 520] },
  'two-faces.jpg': { sample: 'sample3.jpg', box: [480, 150, 900, 560] },
  'no-face.jpg': { sample: 'sample5.jpg', box: [0, 0, 420, 420] },
} as const;

export function crop(image: RgbaImage, [x, y, width, height]: readonly number[]): RgbaImage {
  const data = new Uint8Array(width! * height! * 4);
  for (let row = 0; row < height!; row++) {
    const from = ((y! + row) * image.width + x!) * 4;
    data.set(image.data.subarray(from, from + width! * 4), row * width! * 4);
  }
  return { data, width: width!, height: height! };
}

/** Bilinear-free nearest resize, enough for fixtures. */
export function resize(image: RgbaImage, width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.floor(((x + 0.5) * image.width) / width));
      const sy = Math.min(image.height - 1, Math.floor(((y + 0.5) * image.height) / height));
      data.set(
        image.data.subarray((sy * image.width + sx) * 4, (sy * image.width + sx) * 4 + 4),
        (y * width + x) * 4,
      );
    }
  }
  return { data, width, height };
}

/** One YUV4MPEG2 (4:2:0) frame of an RGBA image; Chromium loops the file as a fake webcam. */
function y4mFrame(image: RgbaImage): Buffer {
  const { width, height, data } = image;
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

/** The e2e camera picture: the one-face fixture centred on a 640x480 frame. */
export function cameraFrame(face: RgbaImage): RgbaImage {
  const frame = { data: new Uint8Array(640 * 480 * 4).fill(96), width: 640, height: 480 };
  const scaled = resize(face, 400, 400);
  for (let row = 0; row < 400; row++) {
    frame.data.set(scaled.data.subarray(row * 400 * 4, (row + 1) * 400 * 4), ((row + 40) * 640 + 120) * 4);
  }
  return frame;
}

function main() {
  mkdirSync(OUT, { recursive: true });
  for (const [name, { sample, box }] of Object.entries(CROPS)) {
    const image = crop(decodeImageFile(join(SAMPLES, sample)), box);
    writeFileSync(join(OUT, name), jpeg.encode({ ...image, data: Buffer.from(image.data) }, 90).data);
    console.log(`wrote ${join(OUT, name)}`);
  }
  if (process.argv.includes('--video')) {
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    const face = decodeImageFile(join(OUT, 'one-face.jpg'));
    writeY4m(join(ROOT, 'artifacts', 'face.y4m'), cameraFrame(face));
    console.log('wrote artifacts/face.y4m');
  }
}

if (require.main === module) main();
