/**
 * One number per mood for how pleasant it is (valence), so that mood changes can be measured.
 * Three steps, from the valence axis of the circumplex model of affect (Russell 1980, "A
 * circumplex model of affect", J Pers Soc Psychol 39(6)): happy is pleasant (+1); sad and angry
 * are unpleasant (-1); calm (Moodtab's name for FER2013's neutral face) is neither (0); surprised
 * is 0 too, because the valence of surprise is not settled: placed by arousal alone in the
 * circumplex, called pleasant by some, found initially mildly unpleasant by Noordewier &
 * Breugelmans 2013 ("On the valence of surprise", Cognition and Emotion 27(7)); reviewed by
 * Topolinski & Strack 2015 (Front Psychol 6:134). 0 takes no side. The camera reads facial
 * expressions, so finer steps would claim a precision it has not.
 */
import { MOODS, type Mood } from '../../model/moods';

export const VALENCE: Readonly<Record<Mood, number>> = {
  calm: 0,
  angry: -1,
  sad: -1,
  happy: 1,
  surprised: 0,
};

/** The moods a report calls low, and the one it calls high. */
export const LOW_MOODS: readonly Mood[] = MOODS.filter((mood) => VALENCE[mood] < 0);
export const HIGH_MOODS: readonly Mood[] = MOODS.filter((mood) => VALENCE[mood] > 0);

export const isLow = (mood: Mood): boolean => VALENCE[mood] < 0;
export const isHigh = (mood: Mood): boolean => VALENCE[mood] > 0;

export type MoodCounts = Record<Mood, number>;

export const noCounts = (): MoodCounts => Object.fromEntries(MOODS.map((mood) => [mood, 0])) as MoodCounts;

/**
 * A day's main mood: the one counted most; a tie goes to the lower valence (a day of one sad and
 * one happy entry counts as low), then to the first in MOODS. Undefined for a day without entries.
 */
export function mainMood(counts: MoodCounts): Mood | undefined {
  let best: Mood | undefined;
  for (const mood of MOODS) {
    if (counts[mood] === 0) continue;
    if (
      best === undefined ||
      counts[mood] > counts[best] ||
      (counts[mood] === counts[best] && VALENCE[mood] < VALENCE[best])
    )
      best = mood;
  }
  return best;
}
