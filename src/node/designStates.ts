/**
 * Stored states that bring the real extension's pages into the states the design checks and the
 * screenshots show: a calibration under which a given face reads as unsure, and a year of journal.
 */
import { unsureBetween } from '../model/confidence';
import { MOODS, type Mood, type MoodProbabilities } from '../model/moods';
import type { JournalEntry } from '../journal/journal';
import {
  calibrationOffsets,
  EMPTY_CALIBRATION,
  withCapture,
  type PersonalCalibration,
} from '../recommendation/personalCalibration';
import { applyOffsets } from '../recommendation/personalFit';

/**
 * A calibration under which this reading is unsure: the same face corrected to its second likeliest
 * mood, as often as it takes to bring the likeliest under the threshold.
 */
export function unsureCalibration(reading: MoodProbabilities): PersonalCalibration {
  const [, second] = [...MOODS].sort((a, b) => reading[b] - reading[a]) as [Mood, Mood];
  let state = EMPTY_CALIBRATION;
  for (let corrections = 1; corrections <= 40; corrections++) {
    state = withCapture(state, `corrected-${corrections}`, reading, second, true);
    if (unsureBetween(applyOffsets(reading, calibrationOffsets(state)))) return state;
  }
  throw new Error('no calibration leaves this reading unsure: it is too sure of its mood');
}

/** A small deterministic generator (mulberry32), so the same journal comes out each time. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
/** Calm and happy most days, sad spells, the odd angry or surprised day. */
const WEIGHTS: Record<Mood, number> = { calm: 0.35, happy: 0.3, sad: 0.2, angry: 0.08, surprised: 0.07 };

function moodFrom(random: () => number): Mood {
  let left = random();
  for (const mood of MOODS) if ((left -= WEIGHTS[mood]) < 0) return mood;
  return 'calm';
}

/** A year of entries up to `now`: one to three a day lately, a few a week before that. */
export function sampleJournal(now: Date, random = seeded(7)): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (let daysAgo = 364; daysAgo >= 0; daysAgo--) {
    const count = daysAgo < 30 ? 1 + Math.floor(random() * 3) : random() < 0.4 ? 1 : 0;
    for (let i = 0; i < count; i++) {
      const time = new Date(now.getTime() - daysAgo * DAY_MS - (i * 4 + 1) * 3_600_000);
      entries.push({
        id: `sample-${daysAgo}-${i}`,
        time: time.toISOString(),
        mood: moodFrom(random),
        source: 'camera',
        probabilities: null,
        media: 'music',
        provider: 'spotify',
        query: 'chill acoustic',
      });
    }
  }
  return entries;
}
