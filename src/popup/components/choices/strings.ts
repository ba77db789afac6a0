import type { MediaKind, Strategy } from '../../../shared/moods';

export const STRINGS = {
  open: 'Open',
  media: { music: 'Music', movies: 'Movies', pictures: 'Pictures' } satisfies Record<MediaKind, string>,
  from: 'From',
  anyProvider: 'Any without an account (learns what you like)',
  needsAccount: (name: string) => `${name} (account needed)`,
  picksThat: 'Picks that',
  strategy: { match: 'match my mood', lift: 'lift my mood' } satisfies Record<Strategy, string>,
  countdown: 'Count down 3-2-1 before the snapshot',
};
