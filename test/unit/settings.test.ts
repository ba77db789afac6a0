import {
  DEFAULT_SETTINGS,
  isSettings,
  mergeSettings,
  parseSettings,
  providerIdFor,
} from '../../src/recommendation/settings';

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
    ).toEqual({ media: 'movies', strategy: 'lift', providers: { movies: 'prime-video' }, countdown: true });
    expect(parseSettings({ media: 'tv', strategy: 7, providers: 'spotify', countdown: 'no' })).toEqual(
      DEFAULT_SETTINGS,
    );
    expect(parseSettings({ countdown: false })).toEqual({ ...DEFAULT_SETTINGS, countdown: false });
  });
});

describe('isSettings', () => {
  it('accepts complete, valid settings', () => {
    expect(isSettings(DEFAULT_SETTINGS)).toBe(true);
    expect(
      isSettings({
        media: 'pictures',
        strategy: 'lift',
        providers: { pictures: 'pinterest' },
        countdown: false,
      }),
    ).toBe(true);
  });

  it('accepts "any provider" and the user\'s own providers (checked against their mapping where used)', () => {
    expect(isSettings({ ...DEFAULT_SETTINGS, providers: { music: 'any', movies: 'custom-my-cinema' } })).toBe(
      true,
    );
    expect(parseSettings({ providers: { pictures: 'any', music: 'custom-radio' } }).providers).toEqual({
      pictures: 'any',
      music: 'custom-radio',
    });
  });

  it.each([
    ['nothing', undefined],
    ['a malformed custom provider id', { ...DEFAULT_SETTINGS, providers: { music: 'custom-<script>' } }],
    ['an inherited property name as provider', { ...DEFAULT_SETTINGS, providers: { music: 'toString' } }],
    ['no providers', { media: 'music', strategy: 'match', countdown: true }],
    ['no countdown choice', { media: 'music', strategy: 'match', providers: {} }],
    ['a countdown that is not yes or no', { media: 'music', strategy: 'match', providers: {}, countdown: 3 }],
    ['an unknown media', { ...DEFAULT_SETTINGS, media: 'tv' }],
    ['a provider of another media', { ...DEFAULT_SETTINGS, providers: { music: 'netflix' } }],
    ['an extra field', { ...DEFAULT_SETTINGS, mood: 'sad' }],
    ['providers as a list', { ...DEFAULT_SETTINGS, providers: [] }],
  ])('refuses %s', (_name, value) => {
    expect(isSettings(value)).toBe(false);
  });
});

describe('mergeSettings and providerIdFor', () => {
  it('merges provider choices per media instead of replacing them', () => {
    let settings = mergeSettings(DEFAULT_SETTINGS, { providers: { music: 'youtube-music' } });
    settings = mergeSettings(settings, { media: 'movies', providers: { movies: 'prime-video' } });
    expect(settings).toEqual({
      media: 'movies',
      strategy: 'match',
      providers: { music: 'youtube-music', movies: 'prime-video' },
      countdown: true,
    });
    expect(DEFAULT_SETTINGS.providers).toEqual({});
  });

  it('falls back to the catalogue default for a media with no choice', () => {
    const settings = { ...DEFAULT_SETTINGS, providers: { music: 'soundcloud' } };
    expect(providerIdFor(settings)).toBe('soundcloud');
    expect(providerIdFor(settings, 'movies')).toBe('youtube-trailers');
  });
});
