import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbaImage } from '../recognition';

/** Decodes a JPEG or PNG file (by its magic bytes) into RGBA pixels, in pure JS. */
export function decodeImageFile(path: string): RgbaImage {
  const bytes = readFileSync(path);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return { data: image.data, width: image.width, height: image.height };
  }
  if (bytes.subarray(1, 4).toString('latin1') === 'PNG') {
    const image = PNG.sync.read(bytes);
    return {
      data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length),
      width: image.width,
      height: image.height,
    };
  }
  throw new Error(`${path}: not a JPEG or PNG image`);
}
