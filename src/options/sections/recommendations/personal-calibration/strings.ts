import type { Mood } from '../../../../shared/moods';

const signed = (percent: number) => (percent > 0 ? `+${percent}%` : `−${Math.abs(percent)}%`);

export const STRINGS = {
  heading: 'Adjusted to you',
  adjusted: (changes: { mood: Mood; percent: number }[]) =>
    `Adjusted to you: ${changes.map(({ mood, percent }) => `${mood} ${signed(percent)}`).join(', ')}.`,
  why: (captures: number) =>
    `From ${captures} capture${captures === 1 ? '' : 's'}: where you end with a mood (kept, chosen or corrected) ` +
    'more often than the camera reads it, Moodtab leans towards that mood, and away where less often; ' +
    'never by more than +50% or −33%.',
  notYet:
    'Not adjusted yet. When you correct a reading or choose between two moods, Moodtab learns which moods ' +
    'the camera reads too often or too rarely for you.',
  reset: 'Reset the adjustment',
  done: 'The adjustment is reset: the camera reads as it came.',
};
