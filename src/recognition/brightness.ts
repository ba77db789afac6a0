import type { RgbaImage } from './align';

/**
 * Mean grey level (0..255) of a frame, measured on a grid of at most `grid` x `grid` pixels: the
 * too-dark check needs a rough level, not every pixel, so its cost does not grow with the frame.
 * Grey as in toGrey (ITU-R BT.601 weights).
 */
export function meanBrightness({ data, width, height }: RgbaImage, grid = 64): number {
  const stepX = Math.max(1, Math.floor(width / grid));
  const stepY = Math.max(1, Math.floor(height / grid));
  let total = 0;
  let count = 0;
  // Start half a step in, so the grid is centred on the frame.
  for (let y = Math.floor(stepY / 2); y < height; y += stepY) {
    for (let x = Math.floor(stepX / 2); x < width; x += stepX) {
      const i = (y * width + x) * 4;
      total += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      count++;
    }
  }
  return count ? total / count : 0;
}
