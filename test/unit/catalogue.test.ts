import {
  ANY_PROVIDER,
  armsFor,
  CATALOGUE,
  fillTemplate,
  providersFor,
  recommendationFor,
  urlTemplateProblem,
  validateCatalogue,
  type Catalogue,
} from '../../src/recommendation/catalogue';
import { MOODS } from '../../src/model/moods';
import { MEDIA_KINDS, STRATEGIES, type MediaKind } from '../../src/recommendation/media';
import { english } from './helpers/english';

const allQueries = (media: MediaKind) =>
  STRATEGIES.flatMap((strategy) => MOODS.flatMap((mood) => CATALOGUE.queries[media][strategy][mood]));

describe('the built-in catalogue', () => {
  it('offers the providers the issue names, labelled where an account is needed', () => {
    const names = (media: MediaKind) => providersFor(media).map((p) => p.name);
    expect(names('music')).toEqual([
      'Spotify',
      'YouTube Music',
      'YouTube',
      'Deezer',
      'SoundCloud',
      'Apple Music',
    ]);
    expect(names('movies')).toEqual(['Netflix', 'Prime Video', 'JustWatch', 'YouTube trailers', 'IMDb']);
    expect(names('pictures')).toEqual(['BuzzFeed', 'Pinterest', 'Unsplash', 'Giphy', 'Reddit']);
    const needAccount = Object.entries(CATALOGUE.providers)
      .filter(([, p]) => p.account)
      .map(([id]) => id);
    expect(needAccount).toEqual(['spotify', 'deezer', 'apple-music', 'netflix', 'prime-video']);
  });

  it('opens, by default, a provider that needs no account: a fresh install never lands on a login wall', () => {
    expect(CATALOGUE.defaultProvider).toEqual({
      music: 'youtube-music',
      movies: 'youtube-trailers',
      pictures: 'buzzfeed',
    });
    for (const id of Object.values(CATALOGUE.defaultProvider))
      expect({ id, account: CATALOGUE.providers[id]!.account ?? false }).toEqual({ id, account: false });
  });

  it('has 3 to 5 distinct queries for every media, strategy and mood', () => {
    for (const media of MEDIA_KINDS)
      for (const strategy of STRATEGIES)
        for (const mood of MOODS) {
          const list = CATALOGUE.queries[media][strategy][mood];
          expect(list.length).toBeGreaterThanOrEqual(3);
          expect(list.length).toBeLessThanOrEqual(5);
          expect(new Set(list).size).toBe(list.length);
        }
  });

  // Every template with every query of its media: a URL on the template's own https host, the
  // query in it exactly (decoded), nothing left of the placeholder.
  it.each(Object.entries(CATALOGUE.providers))(
    '%s gives a well-formed URL for every query',
    (_id, provider) => {
      const host = new URL(provider.url.replaceAll('{query}', 'x')).host;
      for (const query of allQueries(provider.media)) {
        const url = new URL(fillTemplate(provider.url, query));
        expect(url.protocol).toBe('https:');
        expect(url.host).toBe(host);
        expect(url.href).not.toMatch(/[{}]|\s/);
        expect(decodeURIComponent(url.href)).toContain(query);
      }
    },
  );
});

describe('armsFor and recommendationFor', () => {
  it('offers every query of the mood with the chosen provider', () => {
    const arms = armsFor('sad', 'music', 'match', 'youtube-music');
    expect(arms.map((a) => a.provider.id)).toEqual(Array(4).fill('youtube-music'));
    expect(arms.map((a) => a.query)).toEqual(CATALOGUE.queries.music.match.sad);
  });

  it('falls back to the default provider for an unknown one or one of another media', () => {
    expect(armsFor('calm', 'music', 'match', 'netflix')[0]!.provider.id).toBe('youtube-music');
    expect(armsFor('calm', 'music', 'match', 'nope')[0]!.provider.id).toBe('youtube-music');
    expect(armsFor('calm', 'movies', 'match', 'toString')[0]!.provider.id).toBe('youtube-trailers');
  });

  it('"any" means every provider of the media that needs no account, with every query', () => {
    const arms = armsFor('happy', 'movies', 'lift', ANY_PROVIDER);
    expect([...new Set(arms.map((a) => a.provider.id))]).toEqual(['justwatch', 'youtube-trailers', 'imdb']);
    expect(arms).toHaveLength(3 * CATALOGUE.queries.movies.lift.happy.length);
  });

  it('builds the URL from the template with the query encoded', () => {
    const [arm] = armsFor('happy', 'music', 'match', 'spotify');
    expect(recommendationFor(arm!, 'happy', 'music', 'match')).toMatchObject({
      mood: 'happy',
      provider: { id: 'spotify', name: 'Spotify', account: true },
      query: 'happy hits',
      url: 'https://open.spotify.com/search/happy%20hits/playlists',
    });
  });

  it('lift-my-mood picks differ from match picks for negative moods', () => {
    for (const media of MEDIA_KINDS)
      for (const mood of ['sad', 'angry'] as const)
        expect(CATALOGUE.queries[media].lift[mood]).not.toEqual(CATALOGUE.queries[media].match[mood]);
  });
});

describe('urlTemplateProblem', () => {
  it.each([
    ['https://example.com/search?q={query}', undefined],
    ['https://example.com/{query}/x?also={query}', undefined],
    ['http://example.com/?q={query}', 'must start with https://'],
    ['javascript:alert(1)//{query}', 'must start with https://'],
    ['https://example.com/search', 'must contain {query}'],
    ['https://example.com/?q={query}&p={page}', 'no placeholder but {query}'],
    ['https://{query}.example.com/', 'out of the host name'],
    ['https://user:pw@example.com/?q={query}', 'user name or password'],
    ['https://localhost/?q={query}', 'full host name'],
    ['https://exa mple.com/?q={query}', 'must not contain spaces'],
    [`https://example.com/?q={query}${'x'.repeat(500)}`, 'longer than 500'],
  ])('%s: %s', (template, problem) => {
    if (problem === undefined) expect(urlTemplateProblem(template)).toBeUndefined();
    else expect(english(urlTemplateProblem(template))).toContain(problem);
  });
});

describe('validateCatalogue', () => {
  const copy = (): Catalogue => JSON.parse(JSON.stringify(CATALOGUE));

  it('rejects a missing or short query list and a duplicate', () => {
    const missing = copy();
    delete (missing.queries.music.lift as Partial<Record<string, string[]>>).sad;
    expect(() => validateCatalogue(missing)).toThrow('no lift query for music/sad');
    const short = copy();
    short.queries.movies.match.calm = ['one', 'two'];
    expect(() => validateCatalogue(short)).toThrow('needs 3 to 5 queries');
    const twice = copy();
    twice.queries.pictures.match.happy = ['funny', 'funny', 'dogs'];
    expect(() => validateCatalogue(twice)).toThrow('lists a query twice');
  });

  it('rejects a non-https provider and a default of the wrong media', () => {
    const http = copy();
    http.providers.spotify!.url = 'http://example.com/{query}';
    expect(() => validateCatalogue(http)).toThrow('url_notHttps');
    const wrong = copy();
    wrong.defaultProvider.music = 'netflix';
    expect(() => validateCatalogue(wrong)).toThrow('default music provider');
  });
});
