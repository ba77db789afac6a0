/**
 * npm run expression-targets -- --data FER2013.csv[.gz] --out FILE.f32 [--limit N]
 *
 * face-api.js's expression net on every five-mood face of a FER2013-format file, in file order
 * (the rows training/prepare_data.py keeps, in the same order): the 48x48 grey face scaled to
 * 112x112 as face-api.js scales it, mirrored and plain averaged. Writes N x 5 float32
 * probabilities (MOODS order) for training/train.py --distill; the last line printed is JSON.
 */
import { writeFileSync } from 'node:fs';
import { createExpressionClassifier } from '../../recognition/expressionClassifier';
import { MOODS } from '../../model/moods';
import { parseArgs } from '../args';
import { useBackend } from '../backend';
import { expressionOnFerFaces } from '../expressionOnFer';
import { readFerCsv, type FerFace } from '../ferCsv';
import { fileWeights } from '../fileModel';
import { EXPRESSION_MODEL } from '../modelPaths';

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2), ['data', 'out', 'limit']);
  if (!options.data || !options.out)
    throw new Error('usage: npm run expression-targets -- --data CSV --out FILE.f32');
  const limit = options.limit ? Number(options.limit) : Infinity;
  await useBackend('wasm');
  const net = await createExpressionClassifier({ modelUrl: fileWeights(EXPRESSION_MODEL) });
  const out: number[] = [];
  const usages: Record<string, number> = {};
  const run = async (faces: FerFace[]) => {
    for (const probabilities of await expressionOnFerFaces(net, faces))
      out.push(...MOODS.map((m) => probabilities[m]));
  };
  const started = Date.now();
  let batch: FerFace[] = [];
  let read = 0;
  for await (const face of readFerCsv(options.data)) {
    if (read++ >= limit) break;
    usages[face.usage] = (usages[face.usage] ?? 0) + 1;
    batch.push(face);
    if (batch.length === 64) {
      await run(batch);
      batch = [];
      if (read % 3200 === 0) console.log(`${read} faces, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  if (batch.length) await run(batch);
  net.dispose();
  writeFileSync(options.out, Buffer.from(new Float32Array(out).buffer));
  console.log(JSON.stringify({ faces: out.length / MOODS.length, usages, moods: MOODS, out: options.out }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
