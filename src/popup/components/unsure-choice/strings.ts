import type { Mood } from '../../../shared/moods';
import { capitalise } from '../../format';

export const STRINGS = {
  question: (first: Mood, second: Mood) => `${capitalise(first)} or ${second}?`,
  why: 'The camera was not sure enough to open a tab. Which is closer?',
};
