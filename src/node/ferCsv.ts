import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Mood } from '../shared/moods';

/** FER2013 emotion ids -> Moodtab moods; disgust (1) and fear (2) are not product moods. */
export const FER_TO_MOOD: Partial<Record<number, Mood>> = {
  0: 'angry',
  3: 'happy',
  4: 'sad',
  5: 'surprised',
  6: 'calm',
};

export interface FerFace {
  mood: Mood;
  usage: string;
  /** 48x48 grey levels, row-major. */
  pixels: Uint8Array;
}

/** Streams the five-mood rows of a FER2013 CSV (`emotion,pixels,Usage`, plain or .gz) for one usage. */
export async function* readFerCsv(path: string, usage?: string): AsyncGenerator<FerFace> {
  const input = createReadStream(path);
  const lines = createInterface({
    input: path.endsWith('.gz') ? input.pipe(createGunzip()) : input,
    crlfDelay: Infinity,
  });
  let header: string[] | undefined;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    const cells = line.split(',');
    if (!header) {
      header = cells.map((c) => c.trim());
      for (const column of ['emotion', 'pixels', 'Usage']) {
        if (!header.includes(column)) throw new Error(`${path}: missing column ${column} (header: ${line})`);
      }
      continue;
    }
    const row = Object.fromEntries(header.map((name, i) => [name, cells[i]?.trim() ?? '']));
    if (usage && row.Usage !== usage) continue;
    const mood = FER_TO_MOOD[Number(row.emotion)];
    if (!mood) continue;
    const values = row.pixels!.split(' ');
    if (values.length !== 48 * 48)
      throw new Error(`${path}:${lineNumber}: expected 2304 pixels, got ${values.length}`);
    yield { mood, usage: row.Usage!, pixels: Uint8Array.from(values, Number) };
  }
}
