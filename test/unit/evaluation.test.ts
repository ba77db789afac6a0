import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readLabels } from '../../src/node/photoReadings';
import { ferPlusMajority, readFerCsv, type FerFace } from '../../src/node/ferCsv';
import { evaluate, expectedCalibrationError } from '../../src/node/metrics';
import type { MoodProbabilities } from '../../src/model/moods';

const sure = (mood: keyof MoodProbabilities, p = 0.9): MoodProbabilities => {
  const rest = (1 - p) / 4;
  return { calm: rest, angry: rest, sad: rest, happy: rest, surprised: rest, [mood]: p };
};

describe('FER+ majority', () => {
  // votes in MOODS order: calm(neutral), angry, sad, happy, surprised; others: disgust, fear, contempt, unknown, NF
  it.each([
    [[6, 0, 4, 0, 0], [0, 0, 0, 0, 0], 'calm'],
    [[0, 0, 3, 0, 0], [0, 2, 0, 0, 0], 'sad'],
    [[4, 0, 4, 0, 0], [0, 0, 0, 2, 0], undefined], // a tie
    [[3, 0, 0, 0, 0], [0, 0, 0, 0, 7], undefined], // mostly "not a face"
    [[3, 0, 0, 0, 0], [0, 3, 0, 0, 0], undefined], // fear as many as calm: not a mood majority
    [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0], undefined],
  ])('votes %j with others %j -> %s', (moods, others, expected) => {
    expect(ferPlusMajority(moods, others)).toBe(expected);
  });
});

describe('readFerCsv', () => {
  const pixels = Array.from({ length: 2304 }, (_, i) => i % 256).join(' ');
  const header =
    'emotion,pixels,Usage,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF';

  async function read(lines: string[], usage?: string): Promise<FerFace[]> {
    const dir = mkdtempSync(join(tmpdir(), 'moodtab-fer-'));
    const path = join(dir, 'fer.csv.gz');
    writeFileSync(path, gzipSync([header, ...lines].join('\n')));
    const faces: FerFace[] = [];
    for await (const face of readFerCsv(path, usage)) faces.push(face);
    return faces;
  }

  it('reads both labelings and keeps rows that are a mood under either', async () => {
    const faces = await read([
      `4,${pixels},Training,6,0,0,4,0,0,0,0,0,0`, // FER sad, FER+ calm
      `2,${pixels},Training,0,0,8,0,0,0,2,0,0,0`, // FER fear (not a mood), FER+ surprised
      `1,${pixels},Training,0,0,0,0,0,9,1,0,0,0`, // disgust under both: dropped
      `3,${pixels},PublicTest,0,10,0,0,0,0,0,0,0,0`, // another usage
    ]);
    expect(faces.map(({ fer, ferPlus }) => [fer, ferPlus])).toEqual([
      ['sad', 'calm'],
      [undefined, 'surprised'],
      ['happy', 'happy'],
    ]);
    expect((await read([`3,${pixels},PublicTest,0,10,0,0,0,0,0,0,0,0`], 'Training')).length).toBe(0);
    expect(faces[0]!.pixels[300]).toBe(300 % 256);
  });

  it('rejects a row with the wrong number of pixels, naming the line', async () => {
    await expect(read([`4,1 2 3,Training,6,0,0,4,0,0,0,0,0,0`])).rejects.toThrow(':2: expected 2304 pixels');
  });
});

describe('evaluate', () => {
  it('scores accuracy, recall and confusion; a face not found counts as wrong', () => {
    const result = evaluate([
      { actual: 'sad', probabilities: sure('sad') },
      { actual: 'sad', probabilities: sure('calm') },
      { actual: 'happy', probabilities: sure('happy') },
      { actual: 'happy', probabilities: null },
    ]);
    expect(result.n).toBe(4);
    expect(result.accuracy).toBe(0.5);
    expect(result.recall.sad).toBe(0.5);
    expect(result.recall.happy).toBe(0.5);
    expect(result.confusion.sad.calm).toBe(1);
    expect(result.missed).toBe(1);
    expect(result.nll).toBeCloseTo((-Math.log(0.9) * 2 - Math.log(0.025)) / 3, 6);
  });

  it('measures calibration: ECE 0 when confidence matches accuracy, the gap when it does not', () => {
    const tenAt = (confidence: number, correct: number) =>
      Array.from({ length: 10 }, (_, i) => ({ confidence, correct: i < correct }));
    expect(expectedCalibrationError([...tenAt(0.7, 7), ...tenAt(0.95, 10)])).toBeCloseTo(0.025, 6);
    expect(expectedCalibrationError(tenAt(0.9, 5))).toBeCloseTo(0.4, 6);
  });
});

describe('readLabels', () => {
  it('reads file,mood rows and refuses an unknown mood', () => {
    const dir = mkdtempSync(join(tmpdir(), 'moodtab-labels-'));
    writeFileSync(join(dir, 'ok.csv'), 'file,mood\na.jpg,sad\nb.jpg,happy\n');
    expect(readLabels(join(dir, 'ok.csv'))).toEqual([
      { file: 'a.jpg', mood: 'sad' },
      { file: 'b.jpg', mood: 'happy' },
    ]);
    writeFileSync(join(dir, 'bad.csv'), 'file,mood\na.jpg,bored\n');
    expect(() => readLabels(join(dir, 'bad.csv'))).toThrow('bad.csv:2');
  });
});
