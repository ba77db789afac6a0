/**
 * npm run eval:personal -- DIR LABELS.csv [--border B] [--precision P] [--backend wasm|cpu]
 *                          [--readings readings.json]
 *
 * Scores personal calibration per person: each photo is read by the whole pipeline, then for each
 * person every photo in turn is left out, the person's offsets are fitted on their other photos
 * (src/recommendation/personalFit.ts, as the extension fits them on a user's confirmed moods), and the
 * left-out photo is read with them. Compared with the global reading on the same photos (those
 * where a face was found). LABELS.csv needs `file`, `person` and `mood` columns. Prints a table per
 * person and a sweep of the prior precision; the last line is JSON
 * `{ people, photos, global, personal, precision, sweep }` (accuracies). --readings reuses the JSON
 * of eval:photos --readings-out instead of reading the photos again.
 */
import { readFileSync } from 'node:fs';
import { createMoodRecognizer } from '../../recognition';
import { applyOffsets, fitPersonalOffsets, PRIOR_PRECISION } from '../../recommendation/personalFit';
import { topMood, type MoodProbabilities } from '../../model/moods';
import { parseArgs } from '../args';
import { parseBackend, useBackend } from '../backend';
import { localRecognizerConfig } from '../modelPaths';
import { readLabels, readPhotos, type PhotoReading } from '../photoReadings';

type Found = PhotoReading & { probabilities: MoodProbabilities; person: string };

const SWEEP = [0.25, 0.5, 1, 2, 4, 8, 16];

/** Leave-one-photo-out accuracy per person with the given prior precision. */
export function personalAccuracy(found: readonly Found[], precision: number) {
  const people = new Map<string, Found[]>();
  for (const reading of found) people.set(reading.person, [...(people.get(reading.person) ?? []), reading]);
  const perPerson = [...people].map(([person, photos]) => {
    let global = 0;
    let personal = 0;
    photos.forEach((left, i) => {
      const others = photos.filter((_, j) => j !== i);
      const offsets = fitPersonalOffsets(others, precision);
      if (topMood(left.probabilities) === left.mood) global++;
      if (topMood(applyOffsets(left.probabilities, offsets)) === left.mood) personal++;
    });
    return { person, photos: photos.length, global, personal };
  });
  const total = perPerson.reduce((s, p) => s + p.photos, 0);
  return {
    perPerson,
    global: perPerson.reduce((s, p) => s + p.global, 0) / total,
    personal: perPerson.reduce((s, p) => s + p.personal, 0) / total,
  };
}

async function readings(dir: string, labelsPath: string, border: number, backend?: string) {
  await useBackend(parseBackend(backend));
  const recognizer = await createMoodRecognizer(localRecognizerConfig());
  try {
    return (await readPhotos(recognizer, dir, readLabels(labelsPath), border)).readings;
  } finally {
    recognizer.dispose();
  }
}

async function main(): Promise<void> {
  const { positional, options } = parseArgs(process.argv.slice(2), [
    'border',
    'precision',
    'backend',
    'readings',
  ]);
  const [dir, labelsPath] = positional;
  if (!options.readings && (!dir || !labelsPath)) {
    throw new Error('usage: npm run eval:personal -- DIR LABELS.csv [--precision P]');
  }
  const all: PhotoReading[] = options.readings
    ? (JSON.parse(readFileSync(options.readings, 'utf8')) as { readings: PhotoReading[] }).readings
    : await readings(dir!, labelsPath!, Number(options.border ?? 0), options.backend);
  if (all.some((r) => !r.person)) throw new Error('every photo needs a person (a `person` column)');
  const found = all.filter((r): r is Found => r.probabilities !== null);
  const precision = options.precision ? Number(options.precision) : PRIOR_PRECISION;
  const result = personalAccuracy(found, precision);
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  for (const p of result.perPerson) {
    console.log(
      `${p.person.padEnd(28)} ${String(p.photos).padStart(3)} photos  global ${p.global}  personal ${p.personal}`,
    );
  }
  const sweep = SWEEP.map((value) => ({
    precision: value,
    personal: Number(personalAccuracy(found, value).personal.toFixed(4)),
  }));
  console.log(`prior precision sweep (personal accuracy): ${JSON.stringify(sweep)}`);
  console.log(
    `${result.perPerson.length} people, ${found.length} photos with a face (of ${all.length}): ` +
      `global ${percent(result.global)}, personal ${percent(result.personal)} (precision ${precision})`,
  );
  console.log(
    JSON.stringify({
      people: result.perPerson.length,
      photos: found.length,
      notFound: all.length - found.length,
      global: Number(result.global.toFixed(4)),
      personal: Number(result.personal.toFixed(4)),
      precision,
      sweep,
    }),
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
