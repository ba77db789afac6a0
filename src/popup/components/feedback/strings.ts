import type { Verdict } from '../../../shared/bandit';

export const STRINGS = {
  group: 'How was this pick?',
  verdicts: { good: 'Good pick', 'not-for-me': 'Not for me' } satisfies Record<Verdict, string>,
  thanks: {
    good: 'Thanks. Moodtab will open picks like this more often.',
    'not-for-me': 'Thanks. Moodtab will open this less often.',
  } satisfies Record<Verdict, string>,
};
