/** Labelled photos read by the whole pipeline, as the extension reads a camera frame (eval:photos, eval:personal). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MoodRecognizer, RgbaImage } from '../recognition';
import { isMood, type Mood, type MoodProbabilities } from '../model/moods';
import type { RecognitionResult } from '../model/recognition';
import { decodeImageFile } from './images';
import { onGreyFrame } from './rgbaImages';

export interface LabelledPhoto {
  file: string;
  mood: Mood;
  /** Who is in the photo, when the CSV has a `person` column. */
  person?: string;
}

/**
 * Reads a labels CSV: a header naming `file`, `mood` and optionally `person`, or no header and
 * `file,mood` rows. Unknown moods are errors, not silently skipped.
 */
export function readLabels(path: string): LabelledPhoto[] {
  const rows = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.split(',').map((cell) => cell.trim()));
  const header =
    rows[0]?.[0]?.toLowerCase() === 'file' ? rows.shift()!.map((h) => h.toLowerCase()) : ['file', 'mood'];
  const column = (name: string) => header.indexOf(name);
  if (column('mood') < 0) throw new Error(`${path}: no mood column`);
  return rows.map((cells, i) => {
    const file = cells[column('file')];
    const mood = cells[column('mood')];
    const person = column('person') >= 0 ? cells[column('person')] : undefined;
    if (!file || !isMood(mood)) throw new Error(`${path}:${i + 2}: expected a file and a Moodtab mood`);
    return { file, mood, ...(person ? { person } : {}) };
  });
}

/** What --readings-out writes per photo: null readings where no face was found. */
export interface PhotoReading extends LabelledPhoto {
  /** The shipped reading (the blend); null where no face was found. */
  probabilities: MoodProbabilities | null;
  densenet: MoodProbabilities | null;
  expression: MoodProbabilities | null;
}

/** The image in the middle of a mid-grey frame `border` image-sides wide on each side. */
export function withBorder(image: RgbaImage, border: number): RgbaImage {
  if (border <= 0) return image;
  const pad = 2 * Math.round(border * Math.max(image.width, image.height));
  return onGreyFrame(image, { width: image.width + pad, height: image.height + pad, grey: 128 });
}

/**
 * Reads every photo (with a grey border `border` image-sides wide); `onPhoto` sees each decoded
 * image and its result (null: not read) for extra work such as a baseline on the same image.
 */
export async function readPhotos(
  recognizer: MoodRecognizer,
  dir: string,
  photos: readonly LabelledPhoto[],
  border: number,
  onPhoto?: (photo: LabelledPhoto, image: RgbaImage, result: RecognitionResult | null) => Promise<void>,
): Promise<{ readings: PhotoReading[]; failures: Record<string, number> }> {
  const readings: PhotoReading[] = [];
  const failures: Record<string, number> = {};
  for (const photo of photos) {
    const image = withBorder(decodeImageFile(join(dir, photo.file)), border);
    const result = await recognizer.recognize(image).catch((error: { code?: string }) => {
      failures[error.code ?? 'error'] = (failures[error.code ?? 'error'] ?? 0) + 1;
      return null;
    });
    readings.push({
      ...photo,
      probabilities: result?.probabilities ?? null,
      densenet: result?.sources?.densenet ?? null,
      expression: result?.sources?.expression ?? null,
    });
    await onPhoto?.(photo, image, result);
  }
  return { readings, failures };
}
