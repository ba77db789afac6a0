/**
 * Regenerates the photo fixtures in test/fixtures/faces from the MIT-licensed demo photos that
 * ship in the @vladmandic/face-api npm package (see test/fixtures/faces/PROVENANCE.md).
 *
 *   npx tsx scripts/make-fixtures.ts
 *
 * The e2e test's fake-camera video is not a fixture: the test writes it itself (fixtureVideo in src/node/fakeCamera.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { decodeImageFile } from '../src/node/images';
import { ROOT } from '../src/node/modelPaths';
import { crop } from '../src/node/rgbaImages';

const SAMPLES = join(ROOT, 'node_modules', '@vladmandic', 'face-api', 'demo');
const OUT = join(ROOT, 'test', 'fixtures', 'faces');

/** Crop [x, y, width, height] of a sample photo. */
const CROPS = {
  'one-face.jpg': { sample: 'sample1.jpg', box: [1330, 60, 520, 520] },
  'two-faces.jpg': { sample: 'sample3.jpg', box: [480, 150, 900, 560] },
  'no-face.jpg': { sample: 'sample5.jpg', box: [0, 0, 420, 420] },
} as const;

mkdirSync(OUT, { recursive: true });
for (const [name, { sample, box }] of Object.entries(CROPS)) {
  const image = crop(decodeImageFile(join(SAMPLES, sample)), box);
  writeFileSync(join(OUT, name), jpeg.encode({ ...image, data: Buffer.from(image.data) }, 90).data);
  console.log(`wrote ${join(OUT, name)}`);
}
