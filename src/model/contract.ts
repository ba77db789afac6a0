/**
 * The model contract, in one place. The mood classifier reads faces as [N, FACE_CROP_SIZE,
 * FACE_CROP_SIZE, 1] grey levels 0..255 and returns one probability per mood, in the order of
 * MOODS (moods.ts), which its metadata must list: checked at load (moodModelProblem), so a model
 * exported with another order fails there, not on a user's face. Where the three models' files are,
 * in the repository (or the npm package that ships them) and in the built extension, is modelFiles.json, which webpack.config.js copies
 * by and src/node/modelPaths.ts reads.
 */
import files from './modelFiles.json';
import { MOODS } from './moods';

/** Side of the aligned face crop the classifier reads, pixels (FER2013's size). */
export const FACE_CROP_SIZE = 48;

export const MODEL_FILES = files;

/** The models' URLs under the built extension's models folder (`base`: e.g. chrome-extension://id/models/). */
export function modelUrls(base: string) {
  const { face, mood, expression } = MODEL_FILES;
  return {
    faceDetector: `${base}${face.to}/${face.detector}.json`,
    faceLandmarks: `${base}${face.to}/${face.landmarks}.json`,
    mood: `${base}${mood.to}/${mood.graph}`,
    expression: `${base}${expression.to}/${expression.graph}`,
  };
}

/** What is wrong with a mood model's metadata: outputs other than MOODS in this order. */
export function moodModelProblem(metadata: unknown): string | undefined {
  const moods = (metadata as { moods?: unknown } | undefined)?.moods;
  return JSON.stringify(moods) === JSON.stringify(MOODS)
    ? undefined
    : `its outputs are ${JSON.stringify(moods)}, not the moods ${JSON.stringify(MOODS)}`;
}
