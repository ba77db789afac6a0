import { DEFAULT_SETTINGS, parseSettings } from '../../src/shared/settings';

describe('parseSettings', () => {
  it('falls back to defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid choices and drops invalid ones', () => {
    expect(
      parseSettings({
        media: 'movies',
        strategy: 'lift',
        providers: { movies: 'prime-video', music: 'netflix', podcasts: 'x' },
        extra: 'ignored',
      }),
    ).toEqual({ media: 'movies', strategy: 'lift', providers: { movies: 'prime-video' } });
    expect(parseSettings({ media: 'tv', strategy: 7, providers: 'spotify' })).toEqual(DEFAULT_SETTINGS);
  });
});
