import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { MOODS, type Mood } from '../model/moods';

/** FER2013 emotion ids -> Moodtab moods; disgust (1) and fear (2) are not product moods. */
export const FER_TO_MOOD: Partial<Record<number, Mood>> = {
  0: 'angry',
  3: 'happy',
  4: 'sad',
  5: 'surprised',
  6: 'calm',
};

/** FER+ vote columns for the five moods, in MOODS order, and the columns that are none of them. */
export const FERPLUS_MOOD_COLUMNS = ['neutral', 'anger', 'sadness', 'happiness', 'surprise'] as const;
export const FERPLUS_OTHER_COLUMNS = ['disgust', 'fear', 'contempt', 'unknown', 'NF'] as const;

export interface FerFace {
  /** FER2013's own label, when it is one of the five moods. */
  fer?: Mood;
  /** The FER+ crowd majority, when the file has vote columns and the majority is one of the five. */
  ferPlus?: Mood;
  usage: string;
  /** 48x48 grey levels, row-major. */
  pixels: Uint8Array;
}

/**
 * The FER+ majority among the five moods, or undefined: a tie for the most votes, or a face whose
 * most-voted column is not a mood (unknown, not a face, fear...). The same rule as
 * training/moods.py `ferplus_majority`, so Python and Node score the same faces.
 */
export function ferPlusMajority(
  moodVotes: readonly number[],
  otherVotes: readonly number[],
): Mood | undefined {
  const top = Math.max(...moodVotes);
  if (!(top > 0)) return undefined;
  if (moodVotes.filter((v) => v === top).length > 1) return undefined;
  if (Math.max(0, ...otherVotes) >= top) return undefined;
  return MOODS[moodVotes.indexOf(top)];
}

/**
 * Streams the rows of a FER2013 CSV (`emotion,pixels,Usage` and optionally the FER+ vote
 * columns; plain or .gz) for one usage, keeping those that are a mood under either labelling.
 */
export async function* readFerCsv(path: string, usage?: string): AsyncGenerator<FerFace> {
  const input = createReadStream(path);
  const lines = createInterface({
    input: path.endsWith('.gz') ? input.pipe(createGunzip()) : input,
    crlfDelay: Infinity,
  });
  let header: string[] | undefined;
  let hasVotes = false;
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
      hasVotes = FERPLUS_MOOD_COLUMNS.every((column) => header!.includes(column));
      continue;
    }
    const row = Object.fromEntries(header.map((name, i) => [name, cells[i]?.trim() ?? '']));
    if (usage && row.Usage !== usage) continue;
    const fer = FER_TO_MOOD[Number(row.emotion)];
    const votes = (columns: readonly string[]) => columns.map((c) => Number(row[c] || 0));
    const ferPlus = hasVotes
      ? ferPlusMajority(votes(FERPLUS_MOOD_COLUMNS), votes(FERPLUS_OTHER_COLUMNS))
      : undefined;
    if (!fer && !ferPlus) continue;
    const values = row.pixels!.split(' ');
    if (values.length !== 48 * 48)
      throw new Error(`${path}:${lineNumber}: expected 2304 pixels, got ${values.length}`);
    yield { fer, ferPlus, usage: row.Usage!, pixels: Uint8Array.from(values, Number) };
  }
}
