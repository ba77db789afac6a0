import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/node/modelPaths';

const MODEL_DIR = join(ROOT, 'models', 'mood-densenet121');
const provenance = JSON.parse(readFileSync(join(MODEL_DIR, 'PROVENANCE.json'), 'utf8')) as {
  files: Record<string, string>;
  data: { trainUsage: string; selectUsage: string };
  accuracy: Record<string, number>;
};

describe('mood model provenance', () => {
  it('lists exactly the files in the model folder', () => {
    const present = readdirSync(MODEL_DIR)
      .filter((name) => name !== 'PROVENANCE.json')
      .sort();
    expect(Object.keys(provenance.files).sort()).toEqual(present);
  });

  it.each(Object.entries(provenance.files))('%s has the recorded sha256', (name, sha256) => {
    const actual = createHash('sha256')
      .update(readFileSync(join(MODEL_DIR, name)))
      .digest('hex');
    expect(actual).toBe(sha256);
  });

  it('records the data split and a measured accuracy', () => {
    expect(provenance.data.trainUsage).toBe('Training');
    expect(provenance.data.selectUsage).toBe('PublicTest');
    expect(provenance.accuracy.publicTestFlip).toBeGreaterThan(0.2);
  });
});
