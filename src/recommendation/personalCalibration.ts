/**
 * Personal calibration: the model was fitted to other faces, not to yours. Each capture is kept as
 * an example (the camera's five probabilities, rounded, and the mood it ended as), and so is each
 * prompt of "Teach Moodtab your face". Per-mood offsets on the log-probabilities are fitted to them
 * (personalFit.ts): a mood the user confirmed (chose, corrected to, or made when asked) pulls the
 * reading toward it, a few a little and many a lot; a reading kept as shown holds it where it is,
 * so Moodtab never drifts toward its own habits. Only these numbers are stored: no times, no images.
 */
import { isMood, isMoodProbabilities, MOODS, type Mood, type MoodProbabilities } from '../model/moods';
import { isRecord } from '../common/records';
import { fitPersonalOffsets, NO_OFFSETS, type LabelledReading, type MoodOffsets } from './personalFit';

export interface CalibrationExample {
  /** The capture's id, or `taught-<mood>` for a prompt of the teaching session. */
  id: string;
  /** The camera's reading (before any personal adjustment), rounded to 3 decimals. */
  probabilities: MoodProbabilities;
  /** The mood it ended as; null while a capture that asked has no answer yet. */
  mood: Mood | null;
  /** The user said this mood (chose, corrected, taught), rather than keeping the one shown. */
  confirmed: boolean;
}

export interface PersonalCalibration {
  /** Oldest first: the taught prompts and at most MAX_CAPTURE_EXAMPLES captures. */
  examples: CalibrationExample[];
}

/** Captures kept; older ones give way, so the calibration follows the face as it is now. */
export const MAX_CAPTURE_EXAMPLES = 100;
/** Changes smaller than this (in percent) are not worth showing. */
const SHOWN_PERCENT = 1;
const TAUGHT = 'taught-';

export const EMPTY_CALIBRATION: PersonalCalibration = { examples: [] };

const rounded = (probabilities: MoodProbabilities): MoodProbabilities =>
  Object.fromEntries(
    MOODS.map((mood) => [mood, Math.round(probabilities[mood] * 1000) / 1000]),
  ) as MoodProbabilities;

const isTaught = (example: CalibrationExample) => example.id.startsWith(TAUGHT);

/** Keeps every taught prompt and the newest captures. */
function capped(examples: CalibrationExample[]): CalibrationExample[] {
  const captures = examples.filter((example) => !isTaught(example));
  const dropped = new Set(captures.slice(0, Math.max(0, captures.length - MAX_CAPTURE_EXAMPLES)));
  return examples.filter((example) => !dropped.has(example));
}

/** A capture's example: the mood shown, or null when the popup asked and has no answer yet. */
export function withCapture(
  state: PersonalCalibration,
  id: string,
  probabilities: MoodProbabilities,
  mood: Mood | null,
  confirmed = false,
): PersonalCalibration {
  const others = state.examples.filter((example) => example.id !== id);
  return { examples: capped([...others, { id, probabilities: rounded(probabilities), mood, confirmed }]) };
}

/** The mood a capture ended as after a choice or correction; nothing when the capture is not kept. */
export function withCorrection(state: PersonalCalibration, id: string, mood: Mood): PersonalCalibration {
  return {
    examples: state.examples.map((example) =>
      example.id === id ? { ...example, mood, confirmed: true } : example,
    ),
  };
}

/** One prompt of the teaching session: the reading of a face made for `mood`, replacing the last one. */
export const withTaught = (state: PersonalCalibration, mood: Mood, probabilities: MoodProbabilities) =>
  withCapture(state, `${TAUGHT}${mood}`, probabilities, mood, true);

export const taughtMoods = (state: PersonalCalibration): Mood[] =>
  MOODS.filter((mood) => state.examples.some((example) => example.id === `${TAUGHT}${mood}`));

const labelled = (state: PersonalCalibration): LabelledReading[] =>
  state.examples.flatMap(({ probabilities, mood, confirmed }) =>
    mood ? [confirmed ? { probabilities, mood } : { probabilities, mood, target: probabilities }] : [],
  );

export const examplesCount = (state: PersonalCalibration): number => labelled(state).length;

/** The offsets the examples support (none without examples). */
export function calibrationOffsets(state: PersonalCalibration): MoodOffsets {
  const examples = labelled(state);
  return examples.length ? fitPersonalOffsets(examples) : { ...NO_OFFSETS };
}

/** The offsets worth telling the user about, as whole percent changes of each mood's odds, largest first. */
export function adjustmentSummary(offsets: MoodOffsets): { mood: Mood; percent: number }[] {
  return MOODS.map((mood) => ({ mood, percent: Math.round((Math.exp(offsets[mood]) - 1) * 100) }))
    .filter(({ percent }) => Math.abs(percent) >= SHOWN_PERCENT)
    .sort((a, b) => Math.abs(b.percent) - Math.abs(a.percent));
}

function parseExample(raw: unknown): CalibrationExample | undefined {
  if (!isRecord(raw)) return undefined;
  const { id, probabilities, mood, confirmed } = raw;
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) return undefined;
  if (!isMoodProbabilities(probabilities)) return undefined;
  if (mood !== null && !isMood(mood)) return undefined;
  if (typeof confirmed !== 'boolean') return undefined;
  return { id, probabilities, mood, confirmed };
}

/**
 * The counts an earlier version kept (counts[camera][ended]) as examples: each capture a reading
 * that leaned to what the camera read, ending as what the user kept.
 */
function fromCounts(raw: Record<string, unknown>): CalibrationExample[] {
  const examples: CalibrationExample[] = [];
  for (const camera of MOODS) {
    const row = raw[camera];
    if (!isRecord(row)) continue;
    for (const ended of MOODS) {
      const count = row[ended];
      if (typeof count !== 'number' || !Number.isInteger(count) || count <= 0) continue;
      const probabilities = Object.fromEntries(
        MOODS.map((mood) => [mood, mood === camera ? 0.6 : 0.1]),
      ) as MoodProbabilities;
      for (let i = 0; i < Math.min(count, MAX_CAPTURE_EXAMPLES); i++) {
        examples.push({
          id: `earlier-${camera}-${ended}-${i}`,
          probabilities,
          mood: ended,
          confirmed: ended !== camera,
        });
      }
    }
  }
  return capped(examples);
}

/** Whatever storage held, keeping only well-formed examples (and earlier counts, converted). */
export function parseCalibration(raw: unknown): PersonalCalibration {
  if (!isRecord(raw)) return { examples: [] };
  if (!Array.isArray(raw.examples)) return { examples: fromCounts(raw) };
  const examples = raw.examples.flatMap((item: unknown) => parseExample(item) ?? []);
  const unique = [...new Map(examples.map((example) => [example.id, example])).values()];
  return { examples: capped(unique) };
}

export const isAdjusted = (offsets: MoodOffsets): boolean => adjustmentSummary(offsets).length > 0;
