/** What the toolbar icon says after a shortcut capture (no popup is open to say it). */
import { t } from '../platform/i18n';
import { errorMessageKey, type ErrorCode } from '../common/errors';
import { MOOD_WORD } from '../common/labels';
import type { Mood } from '../model/moods';
import type { Pick } from '../recommendation/picks';

export const BADGE = {
  idleTitle: () => t('actionTitle'),
  failed: { text: '!', title: (code: ErrorCode) => t('badge_failed', t(errorMessageKey(code))) },
  unsure: {
    text: '?',
    color: '#4a2fbd',
    title: ([first, second]: [Mood, Mood], pick: Pick) =>
      t(
        'badge_unsure',
        t(MOOD_WORD[first]),
        t(MOOD_WORD[second]),
        pick.provider.name,
        t(MOOD_WORD[pick.mood]),
      ),
  },
};
