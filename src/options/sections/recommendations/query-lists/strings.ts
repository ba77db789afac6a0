import type { MediaKind, Mood, Strategy } from '../../../../shared/moods';

export const STRINGS = {
  heading: 'Searches per mood',
  intro:
    'Each time, Moodtab opens one of these searches (one per line), learning from your "Good pick" and ' +
    '"Not for me" which ones suit you.',
  media: 'Media',
  strategy: 'Picks that',
  mediaNames: { music: 'Music', movies: 'Movies', pictures: 'Pictures' } satisfies Record<MediaKind, string>,
  strategyNames: { match: 'match my mood', lift: 'lift my mood' } satisfies Record<Strategy, string>,
  moodNames: {
    calm: 'Calm',
    angry: 'Angry',
    sad: 'Sad',
    happy: 'Happy',
    surprised: 'Surprised',
  } satisfies Record<Mood, string>,
  save: 'Save these lists',
  restore: 'Restore the built-in lists',
  saved: 'Saved.',
  restored: 'The built-in lists are back.',
  notSaved: 'Nothing was saved: fix the lists marked below.',
  listProblem: (problem: string) => `This list ${problem}.`,
};
