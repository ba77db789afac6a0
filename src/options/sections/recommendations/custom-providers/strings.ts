import type { MediaKind } from '../../../../shared/moods';

export const STRINGS = {
  heading: 'Your own providers',
  intro:
    'Add any site with a search page: its address with {query} where the search words go. Your providers ' +
    'appear in the popup beside the built-in ones.',
  none: 'None yet.',
  name: 'Name',
  media: 'For',
  mediaNames: { music: 'Music', movies: 'Movies', pictures: 'Pictures' } satisfies Record<MediaKind, string>,
  url: 'Search address',
  urlPlaceholder: 'https://example.com/search?q={query}',
  example: 'Example:',
  add: 'Add provider',
  added: (name: string) => `${name} added.`,
  removeShort: 'Remove',
  remove: (name: string) => `Remove ${name}`,
  removed: (name: string) => `${name} removed.`,
};
