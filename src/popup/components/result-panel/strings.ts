import type { Mood } from '../../../shared/moods';
import { capitalise } from '../../format';

export const STRINGS = {
  region: 'Result',
  chose: (mood: Mood) => `You chose ${capitalise(mood)}`,
  cameraRead: (mood: Mood) => `The camera's reading: ${capitalise(mood)}`,
  cameraOff: 'The camera is off again; the snapshot was not kept.',
  faces: (count: number) => `${count} faces were in view; Moodtab read the largest.`,
  adjusted: 'Adjusted to you from the moods you picked before (see Options).',
  opened: 'Opened',
};
