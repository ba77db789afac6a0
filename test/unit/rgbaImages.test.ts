import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { crop, greyToRgba, onGreyFrame, resize } from '../../src/node/rgbaImages';

/** A width x height image whose every byte differs from its neighbours. */
function pattern(width: number, height: number) {
  const data = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37 + (i >> 3) * 11) % 256);
  return { data, width, height };
}
const at = (image: { data: ArrayLike<number>; width: number }, x: number, y: number) =>
  Array.from({ length: 4 }, (_, c) => image.data[(y * image.width + x) * 4 + c]);

describe('RGBA image helpers', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it('crops the given rectangle', () => {
    const image = pattern(10, 8);
    const part = crop(image, [3, 2, 4, 5]);
    expect([part.width, part.height]).toEqual([4, 5]);
    expect(at(part, 0, 0)).toEqual(at(image, 3, 2));
    expect(at(part, 3, 4)).toEqual(at(image, 6, 6));
  });

  it('enlarges by an integer factor by repeating pixels (nearest)', () => {
    const image = pattern(5, 4);
    const big = resize(image, 20, 16);
    for (const [x, y] of [
      [0, 0],
      [3, 3],
      [4, 0],
      [19, 15],
      [10, 7],
    ] as const) {
      expect(at(big, x, y)).toEqual(at(image, Math.floor(x / 4), Math.floor(y / 4)));
    }
  });

  it('resizes bilinearly as tf.image.resizeBilinear does', () => {
    const image = pattern(7, 5);
    const ours = resize(image, 16, 9, 'bilinear');
    const theirs = tf.tidy(() =>
      tf.image.resizeBilinear(tf.tensor3d(image.data, [5, 7, 4], 'float32'), [9, 16]).dataSync(),
    );
    const worst = Math.max(...Array.from(theirs, (value, i) => Math.abs(value - ours.data[i]!)));
    expect(worst).toBeLessThanOrEqual(0.5); // ours rounds to bytes
  });

  it('centres an image on an opaque grey frame', () => {
    const face = pattern(4, 2);
    const frame = onGreyFrame(face, { width: 10, height: 6, grey: 90 });
    expect([frame.width, frame.height]).toEqual([10, 6]);
    expect(at(frame, 0, 0)).toEqual([90, 90, 90, 255]);
    expect(at(frame, 9, 5)).toEqual([90, 90, 90, 255]);
    expect(at(frame, 3, 2)).toEqual(at(face, 0, 0));
    expect(at(frame, 6, 3)).toEqual(at(face, 3, 1));
    expect(at(frame, 7, 3)).toEqual([90, 90, 90, 255]);
    expect(() => onGreyFrame(face, { width: 3, height: 6, grey: 0 })).toThrow('larger than the frame');
  });

  it('turns grey levels into opaque RGBA', () => {
    const image = greyToRgba([0, 128, 255, 7], 2, 2);
    expect(Array.from(image.data)).toEqual([
      0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 7, 7, 7, 255,
    ]);
    expect(() => greyToRgba([1, 2, 3], 2, 2)).toThrow('expected 4 grey levels');
  });
});
