/** The too-dark check samples a grid instead of every pixel; it must read the same level. */
import { join } from 'node:path';
import { decodeImageFile } from '../../src/node/images';
import { onGreyFrame, resize } from '../../src/node/rgbaImages';
import { meanBrightness } from '../../src/recognition/brightness';
import type { RgbaImage } from '../../src/recognition';

const photo = (name: string) => decodeImageFile(join(__dirname, '..', 'fixtures', 'faces', name));

function fullMean({ data }: RgbaImage): number {
  let total = 0;
  for (let i = 0; i < data.length; i += 4)
    total += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
  return total / (data.length / 4);
}

describe('meanBrightness', () => {
  it.each(['one-face.jpg', 'two-faces.jpg', 'no-face.jpg'])(
    'is within 2 grey levels of the whole-frame mean on %s',
    (name) => {
      const image = photo(name);
      expect(Math.abs(meanBrightness(image) - fullMean(image))).toBeLessThan(2);
    },
  );

  it('reads a 1080p camera frame like the whole frame, from at most 64x64 samples', () => {
    const frame = onGreyFrame(resize(photo('one-face.jpg'), 900, 900), {
      width: 1920,
      height: 1080,
      grey: 96,
    });
    expect(Math.abs(meanBrightness(frame) - fullMean(frame))).toBeLessThan(2);
    // Samples only where a 64x64 grid falls: blacking out a column of pixels off the grid in every
    // 30 changes nothing.
    const poisoned = { ...frame, data: frame.data.map((v, i) => (Math.floor(i / 4) % 30 === 1 ? 0 : v)) };
    expect(meanBrightness(poisoned)).toBe(meanBrightness(frame));
  });

  it('is exact on a uniform frame and handles frames smaller than the grid', () => {
    const grey = (level: number, width: number, height: number): RgbaImage => ({
      data: new Uint8Array(width * height * 4).fill(level),
      width,
      height,
    });
    expect(meanBrightness(grey(77, 640, 480))).toBeCloseTo(77, 6);
    expect(meanBrightness(grey(12, 3, 2))).toBeCloseTo(12, 6);
  });
});
