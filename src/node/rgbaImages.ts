/**
 * RGBA picture helpers for the tools and tests (bench, fixture script, calibration, model and e2e
 * tests): crop, resize, and put a face in the middle of a grey frame, as a camera would see it.
 */
import type { RgbaImage } from '../recognition';

/** Pixels [x, y, width, height] of an image. */
export function crop(
  image: RgbaImage,
  [x, y, width, height]: readonly [number, number, number, number],
): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * image.width + x) * 4;
    data.set(image.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { data, width, height };
}

/**
 * Resized to width x height. `nearest` copies pixels (an exact x4 of a FER face); `bilinear` samples
 * as tf.image.resizeBilinear does by default (no corner alignment, no half-pixel centres).
 */
export function resize(
  image: RgbaImage,
  width: number,
  height: number,
  filter: 'nearest' | 'bilinear' = 'nearest',
): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  const pixel = (x: number, y: number, channel: number) => image.data[(y * image.width + x) * 4 + channel]!;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let channel = 0; channel < 4; channel++) {
        data[(y * width + x) * 4 + channel] =
          filter === 'nearest'
            ? pixel(
                Math.min(image.width - 1, Math.floor(((x + 0.5) * image.width) / width)),
                Math.min(image.height - 1, Math.floor(((y + 0.5) * image.height) / height)),
                channel,
              )
            : bilinear(image, (x * image.width) / width, (y * image.height) / height, pixel, channel);
      }
    }
  }
  return { data, width, height };
}

function bilinear(
  image: RgbaImage,
  sx: number,
  sy: number,
  pixel: (x: number, y: number, channel: number) => number,
  channel: number,
): number {
  const x0 = Math.floor(sx);
  const y0 = Math.floor(sy);
  const x1 = Math.min(x0 + 1, image.width - 1);
  const y1 = Math.min(y0 + 1, image.height - 1);
  const [fx, fy] = [sx - x0, sy - y0];
  const top = pixel(x0, y0, channel) * (1 - fx) + pixel(x1, y0, channel) * fx;
  const bottom = pixel(x0, y1, channel) * (1 - fx) + pixel(x1, y1, channel) * fx;
  return Math.round(top * (1 - fy) + bottom * fy);
}

/** The image in the middle of a width x height frame of one grey level (0..255). */
export function onGreyFrame(
  image: RgbaImage,
  { width, height, grey }: { width: number; height: number; grey: number },
): RgbaImage {
  if (image.width > width || image.height > height) throw new Error('the image is larger than the frame');
  const data = new Uint8Array(width * height * 4).fill(grey);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  const left = Math.floor((width - image.width) / 2);
  const top = Math.floor((height - image.height) / 2);
  for (let row = 0; row < image.height; row++) {
    const from = row * image.width * 4;
    data.set(image.data.subarray(from, from + image.width * 4), ((top + row) * width + left) * 4);
  }
  return { data, width, height };
}

/** Grey levels (one byte a pixel, row-major, as in FER2013) as an opaque RGBA image. */
export function greyToRgba(pixels: ArrayLike<number>, width: number, height: number): RgbaImage {
  if (pixels.length !== width * height) throw new Error(`expected ${width * height} grey levels`);
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < pixels.length; i++) {
    data.fill(pixels[i]!, i * 4, i * 4 + 3);
    data[i * 4 + 3] = 255;
  }
  return { data, width, height };
}
