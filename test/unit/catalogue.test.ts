import {
  CATALOGUE,
  providersFor,
  recommend,
  validateCatalogue,
  type Catalogue,
} from '../../src/shared/catalogue';
import { MEDIA_KINDS, MOODS, STRATEGIES } from '../../src/shared/moods';

describe('recommend', () => {
  it.each(
    MEDIA_KINDS.flatMap((media) =>
      STRATEGIES.flatMap((strategy) => MOODS.map((mood) => [media, strategy, mood])),
    ),
  )('%s / %s / %s gives an https URL of a %s provider with the query encoded', (media, strategy, mood) => {
    const r = recommend(mood as never, media as never, { strategy: strategy as never });
    expect(r.provider.media).toBe(media);
    expect(r.url.startsWith('https://')).toBe(true);
    expect(r.url).toContain(encodeURIComponent(r.query));
    expect(r.url).not.toContain('{query}');
  });

  it('uses the classic providers by default: Spotify, Netflix, BuzzFeed', () => {
    expect(recommend('happy', 'music').url).toBe('https://open.spotify.com/search/happy%20hits/playlists');
    expect(recommend('sad', 'movies').url).toBe('https://www.netflix.com/search?q=drama');
    expect(recommend('surprised', 'pictures').url).toBe('https://www.buzzfeed.com/search?q=mind%20blowing');
  });

  it('lift-my-mood picks differ from match picks for negative moods', () => {
    expect(recommend('sad', 'music', { strategy: 'lift' }).query).not.toBe(recommend('sad', 'music').query);
    expect(recommend('angry', 'movies', { strategy: 'lift' }).query).not.toBe(
      recommend('angry', 'movies').query,
    );
  });

  it('honours a chosen provider and ignores one of another media', () => {
    expect(recommend('calm', 'music', { providerId: 'youtube-music' }).url).toMatch(
      /^https:\/\/music\.youtube\.com\//,
    );
    expect(recommend('calm', 'music', { providerId: 'netflix' }).provider.id).toBe('spotify');
    expect(recommend('calm', 'music', { providerId: 'nope' }).provider.id).toBe('spotify');
  });

  it('lists several providers per media', () => {
    for (const media of MEDIA_KINDS) expect(providersFor(media).length).toBeGreaterThanOrEqual(2);
  });
});

describe('validateCatalogue', () => {
  const copy = (): Catalogue => JSON.parse(JSON.stringify(CATALOGUE));

  it('rejects a missing query', () => {
    const broken = copy();
    delete (broken.queries.music.lift as Record<string, string>).sad;
    expect(() => validateCatalogue(broken)).toThrow('no lift query for music/sad');
  });

  it('rejects a non-https provider and a default of the wrong media', () => {
    const http = copy();
    http.providers.spotify!.url = 'http://example.com/{query}';
    expect(() => validateCatalogue(http)).toThrow('https URL');
    const wrong = copy();
    wrong.defaultProvider.music = 'netflix';
    expect(() => validateCatalogue(wrong)).toThrow('default music provider');
  });
});
