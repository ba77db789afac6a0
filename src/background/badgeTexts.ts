/** What the toolbar icon says after a shortcut capture (no popup is open to say it). */
import { ERROR_MESSAGES, type ErrorCode } from '../shared/errors';
import type { Mood } from '../shared/moods';
import type { Pick } from '../shared/picks';

export const BADGE = {
  idleTitle: 'Moodtab: capture my mood',
  failed: { text: '!', title: (code: ErrorCode) => `Moodtab: ${ERROR_MESSAGES[code]}` },
  unsure: {
    text: '?',
    color: '#4a2fbd',
    title: ([first, second]: [Mood, Mood], pick: Pick) =>
      `Moodtab was not sure: ${first} or ${second}? It opened ${pick.provider.name} for ${pick.mood}. ` +
      'Click to pick your mood if that was wrong.',
  },
};
