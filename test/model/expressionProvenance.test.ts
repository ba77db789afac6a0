/** The second opinion's weights come from an npm package: the exact files recorded must be the ones shipped. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/node/modelPaths';
import { SHIPPED_BLEND } from '../../src/recognition';

const PACKAGE = join(ROOT, 'node_modules', '@vladmandic', 'face-api');
const provenance = JSON.parse(
  readFileSync(join(ROOT, 'models', 'face-expression', 'PROVENANCE.json'), 'utf8'),
) as {
  source: { version: string; files: Record<string, string> };
  blend: { weight: number; temperature: number };
};

describe('expression net provenance', () => {
  it('records the installed package version', () => {
    const installed = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(provenance.source.version);
  });

  it.each(Object.entries(provenance.source.files))('%s has the recorded sha256', (file, sha256) => {
    expect(
      createHash('sha256')
        .update(readFileSync(join(PACKAGE, file)))
        .digest('hex'),
    ).toBe(sha256);
  });

  it('records the blend the code ships', () => {
    expect(SHIPPED_BLEND).toEqual({
      weight: provenance.blend.weight,
      temperature: provenance.blend.temperature,
    });
  });
});
