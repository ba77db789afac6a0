/** The recognition pipeline on real photographs, with the real face and mood models. */
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { fileModel } from '../../src/node/fileModel';
import { localRecognizerConfig, MOOD_MODEL } from '../../src/node/modelPaths';
import {
  blendMoods,
  createMoodClassifier,
  createMoodRecognizer,
  type MoodRecognizer,
  SHIPPED_BLEND,
  type RgbaImage,
} from '../../src/recognition';
import { MOODS, topMood } from '../../src/model/moods';
import { onGreyFrame, resize } from '../../src/node/rgbaImages';
import { photo, useTestBackend } from './helpers';

jest.setTimeout(120_000);

const darken = (image: RgbaImage, factor: number): RgbaImage => ({
  ...image,
  data: image.data.map((v, i) => (i % 4 === 3 ? v : Math.round(v * factor))),
});

/** The photo shrunk to `size` px, in the middle of a 320x320 grey frame. */
const shrunk = (image: RgbaImage, size: number): RgbaImage =>
  onGreyFrame(resize(image, size, size), { width: 320, height: 320, grey: 100 });

describe('mood recognizer', () => {
  let recognizer: MoodRecognizer;
  const oneFace = photo('one-face.jpg');

  beforeAll(async () => {
    await useTestBackend();
    recognizer = await createMoodRecognizer(localRecognizerConfig());
  });
  afterAll(() => recognizer?.dispose());

  it('reads one face: all five probabilities, the mood with the highest, the face box', async () => {
    const result = await recognizer.recognize(oneFace);
    expect(Object.keys(result.probabilities)).toEqual([...MOODS]);
    const total = MOODS.reduce((s, m) => s + result.probabilities[m], 0);
    expect(total).toBeCloseTo(1, 4);
    expect(result.probabilities[result.mood]).toBe(Math.max(...MOODS.map((m) => result.probabilities[m])));
    expect(result.faces).toBe(1);
    expect(result.face.box.width).toBeGreaterThan(150);
    expect(result.face.box.x + result.face.box.width).toBeLessThanOrEqual(oneFace.width + 5);
    expect(Object.keys(result.timings)).toEqual([
      'brightness',
      'toTensor',
      'detectAndLandmarks',
      'align',
      'classify',
      'expression',
    ]);
    expect(result.face.crop).toHaveLength(48 * 48);
    expect(result.face.crop.every((level) => Number.isInteger(level) && level >= 0 && level <= 255)).toBe(
      true,
    );
  });

  it('blends the DenseNet with the expression net as shipped, and keeps each reading', async () => {
    const result = await recognizer.recognize(oneFace);
    const { densenet, expression } = result.sources!;
    const logExpression = MOODS.map((mood) => Math.log(expression![mood]));
    const blended = blendMoods(densenet, logExpression, SHIPPED_BLEND);
    MOODS.forEach((mood) => expect(result.probabilities[mood]).toBeCloseTo(blended[mood], 5));
    expect(topMood(densenet)).toBe('happy');
    expect(topMood(expression!)).toBe('happy');
  });

  it('recognises the laughing face as happy', async () => {
    expect((await recognizer.recognize(oneFace)).mood).toBe('happy');
  });

  it('gives the same reading for the same photo whatever came before (no tracking between captures)', async () => {
    const first = await recognizer.recognize(oneFace);
    await recognizer.recognize(photo('two-faces.jpg'));
    const again = await recognizer.recognize(oneFace);
    expect(again.face.box).toEqual(first.face.box);
    expect(again.probabilities).toEqual(first.probabilities);
  });

  it('counts two faces and reads the larger (right-hand) one', async () => {
    const image = photo('two-faces.jpg');
    const result = await recognizer.recognize(image);
    expect(result.faces).toBe(2);
    expect(result.face.box.x).toBeGreaterThan(image.width / 2);
  });

  it('finds every face, largest first, and reads the one asked for (a photo whose face the user chose)', async () => {
    const image = photo('two-faces.jpg');
    const faces = await recognizer.findFaces(image);
    expect(faces).toHaveLength(2);
    expect(faces[0]!.width * faces[0]!.height).toBeGreaterThan(faces[1]!.width * faces[1]!.height);
    const [largest, other] = [
      await recognizer.recognize(image),
      await recognizer.recognize(image, { face: 1 }),
    ];
    expect(largest.face.box).toEqual(faces[0]);
    expect(other.face.box).toEqual(faces[1]);
    expect(other.face.crop).not.toEqual(largest.face.crop);
    await expect(recognizer.recognize(image, { face: 2 })).rejects.toMatchObject({ code: 'no-face' });
  });

  it('says so when there is no face', async () => {
    await expect(recognizer.recognize(photo('no-face.jpg'))).rejects.toMatchObject({ code: 'no-face' });
  });

  it('says so when the frame is too dark', async () => {
    await expect(recognizer.recognize(darken(oneFace, 0.08))).rejects.toMatchObject({ code: 'too-dark' });
  });

  it('says so when the face is too small, and reads it when large enough', async () => {
    await expect(recognizer.recognize(shrunk(oneFace, 80))).rejects.toMatchObject({ code: 'face-too-small' });
    await expect(recognizer.recognize(shrunk(oneFace, 200))).resolves.toMatchObject({ faces: 1 });
  });

  it('averages a burst over the frames that have a face', async () => {
    const single = await recognizer.recognize(oneFace);
    const burst = await recognizer.recognizeBurst([oneFace, photo('no-face.jpg'), oneFace]);
    expect(burst.frames).toBe(2);
    // Same frame twice: same face found, same crop, so the average equals the single reading.
    for (const mood of MOODS)
      expect(Math.abs(burst.probabilities[mood] - single.probabilities[mood])).toBeLessThan(1e-5);
    await expect(recognizer.recognizeBurst([photo('no-face.jpg')])).rejects.toMatchObject({
      code: 'no-face',
    });
  });

  it('leaks no tensors over 50 recognitions, failures included', async () => {
    await recognizer.recognize(oneFace); // warm-up allocates lasting state
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) {
      await recognizer.recognize(oneFace);
      if (i % 10 === 0) await recognizer.recognize(photo('no-face.jpg')).catch(() => undefined);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('mood model loading', () => {
  beforeAll(useTestBackend);

  function brokenCopy(mutate: (dir: string) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'moodtab-model-'));
    const modelDir = join(MOOD_MODEL, '..');
    const manifest = JSON.parse(readFileSync(MOOD_MODEL, 'utf8'));
    writeFileSync(join(dir, 'model.json'), JSON.stringify(manifest));
    for (const path of manifest.weightsManifest[0].paths) copyFileSync(join(modelDir, path), join(dir, path));
    mutate(dir);
    return join(dir, 'model.json');
  }

  it('rejects a truncated weight file with model-load-failed', async () => {
    const path = brokenCopy((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
      const shard = join(dir, manifest.weightsManifest[0].paths[0]);
      writeFileSync(shard, readFileSync(shard).subarray(0, 1000));
    });
    await expect(createMoodClassifier({ modelUrl: fileModel(path) })).rejects.toMatchObject({
      code: 'model-load-failed',
    });
  });

  it('rejects a corrupt model.json with model-load-failed', async () => {
    const path = brokenCopy((dir) => writeFileSync(join(dir, 'model.json'), '{"modelTopology": '));
    await expect(createMoodClassifier({ modelUrl: fileModel(path) })).rejects.toMatchObject({
      code: 'model-load-failed',
    });
  });

  it('refuses a model whose outputs are in another mood order', async () => {
    const path = brokenCopy((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
      manifest.userDefinedMetadata.moods = ['happy', 'calm', 'angry', 'sad', 'surprised'];
      writeFileSync(join(dir, 'model.json'), JSON.stringify(manifest));
    });
    await expect(createMoodClassifier({ modelUrl: fileModel(path) })).rejects.toMatchObject({
      code: 'model-load-failed',
      message: expect.stringContaining('not the moods'),
    });
  });
});
