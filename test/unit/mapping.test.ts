import { CATALOGUE, providersFor } from '../../src/recommendation/catalogue';
import {
  applyMapping,
  EMPTY_MAPPING,
  exportPack,
  parsePack,
  parseQueryLines,
  parseStoredMapping,
  providerProblems,
  queryListProblem,
  withCustomProvider,
  withoutCustomProvider,
  withQueries,
  type Mapping,
} from '../../src/recommendation/mapping';

import { english } from './helpers/english';

const radio = { name: 'Radio Garden', media: 'music' as const, url: 'https://radio.garden/search?q={query}' };

describe('editing query lists', () => {
  it('reads one query per line, trimmed, blank lines dropped', () => {
    expect(parseQueryLines('  sad songs \n\nrainy day\r\n  ')).toEqual(['sad songs', 'rainy day']);
  });

  it.each([
    [['sad songs'], undefined],
    [[], 'needs at least one search'],
    [Array.from({ length: 11 }, (_, i) => `q${i}`), 'at most 10'],
    [['sad', 'Sad'], 'the same search twice'],
    [['x'.repeat(81)], 'longer than 80'],
    [['tab\there'], 'control or text-direction character'],
    [['sad\u202esong'], 'control or text-direction character'],
    [[7], 'only text'],
  ])('%j: %s', (list, problem) => {
    if (problem === undefined) expect(queryListProblem(list)).toBeUndefined();
    else expect(english(queryListProblem(list))).toContain(problem);
  });

  it('replaces one list, keeps only what differs from the built-in one', () => {
    const edited = withQueries(EMPTY_MAPPING, 'music', 'match', 'sad', ['blues', 'sad songs']);
    expect(edited.queries).toEqual({ music: { match: { sad: ['blues', 'sad songs'] } } });
    expect(applyMapping(edited).queries.music.match.sad).toEqual(['blues', 'sad songs']);
    expect(applyMapping(edited).queries.music.match.calm).toEqual(CATALOGUE.queries.music.match.calm);
    const restored = withQueries(edited, 'music', 'match', 'sad', CATALOGUE.queries.music.match.sad);
    expect(restored).toEqual(EMPTY_MAPPING);
    expect(() => withQueries(EMPTY_MAPPING, 'music', 'match', 'sad', [])).toThrow('list_empty');
  });
});

describe('adding providers', () => {
  it('accepts a named https template and gives it a custom id', () => {
    expect(providerProblems(radio)).toEqual({});
    const mapping = withCustomProvider(EMPTY_MAPPING, radio);
    expect(mapping.providers).toEqual({ 'custom-radio-garden': radio });
    const twice = withCustomProvider(mapping, { ...radio, name: 'Radio garden!', media: 'movies' });
    expect(Object.keys(twice.providers)).toEqual(['custom-radio-garden', 'custom-radio-garden-2']);
    expect(providersFor('music', applyMapping(mapping)).map((p) => p.id)).toContain('custom-radio-garden');
    expect(withoutCustomProvider(twice, 'custom-radio-garden').providers).toEqual({
      'custom-radio-garden-2': { ...radio, name: 'Radio garden!', media: 'movies' },
    });
  });

  it.each([
    [{ ...radio, name: '  ' }, 'name', 'Give the provider a name'],
    [{ ...radio, name: 'Spotify' }, 'name', 'the name of a built-in provider'],
    [{ ...radio, name: 'ＳＰＯＴＩＦＹ', media: 'movies' }, 'name', 'the name of a built-in provider'],
    [{ ...radio, name: 'a\u0007\u202eb' }, 'name', 'control or text-direction character'],
    [{ ...radio, name: 'x'.repeat(41) }, 'name', 'under 40'],
    [{ ...radio, url: 'http://radio.garden/?q={query}' }, 'url', 'must start with https://'],
    [{ ...radio, url: 'https://radio.garden/' }, 'url', 'must contain {query}'],
    [{ ...radio, url: 'https://{query}.garden/' }, 'url', 'out of the host name'],
  ] as const)('%j: the %s is refused', (draft, field, message) => {
    const problem = providerProblems(draft)[field];
    expect(english(problem)).toContain(message);
    expect(() => withCustomProvider(EMPTY_MAPPING, draft)).toThrow(problem!.key);
  });

  it("refuses a name already used by one of the user's own providers", () => {
    const mapping = withCustomProvider(EMPTY_MAPPING, radio);
    expect(english(providerProblems({ ...radio, name: 'radio garden' }, mapping).name)).toContain('already');
  });
});

describe('mapping packs', () => {
  const mapping: Mapping = withQueries(withCustomProvider(EMPTY_MAPPING, radio), 'pictures', 'lift', 'sad', [
    'kittens',
    'sunsets',
  ]);
  const packText = JSON.stringify(exportPack(mapping));

  it("exports every list and the user's providers, and imports to the same mapping", () => {
    const pack = exportPack(mapping);
    expect(pack).toMatchObject({ format: 'moodtab-mapping-pack', version: 1, providers: mapping.providers });
    expect(pack.queries.music?.match?.calm).toEqual(CATALOGUE.queries.music.match.calm);
    expect(pack.queries.pictures?.lift?.sad).toEqual(['kittens', 'sunsets']);
    expect(parsePack(packText)).toEqual({ ok: true, mapping });
  });

  it('imports a partial pack: the lists it leaves out follow the built-in catalogue', () => {
    const text = JSON.stringify({
      format: 'moodtab-mapping-pack',
      version: 1,
      providers: {},
      queries: { movies: { match: { happy: ['screwball comedy'] } } },
    });
    expect(parsePack(text)).toEqual({
      ok: true,
      mapping: { providers: {}, queries: { movies: { match: { happy: ['screwball comedy'] } } } },
    });
  });

  const broken = (change: (pack: Record<string, unknown>) => void) => {
    const pack = JSON.parse(packText) as Record<string, unknown>;
    change(pack);
    return JSON.stringify(pack);
  };

  it.each([
    ['not JSON', '{"format": ', 'The file is not JSON.'],
    ['another format', JSON.stringify({ format: 'playlist' }), 'format: Not a Moodtab mapping pack.'],
    ['a newer version', broken((p) => (p.version = 2)), 'version: Version 2 is not supported'],
    ['an unknown field', broken((p) => (p.owner = 'me')), 'owner: Not part of a mapping pack.'],
    [
      'an http provider',
      broken(
        (p) =>
          ((p.providers as Record<string, { url: string }>)['custom-radio-garden']!.url =
            'http://x.org/{query}'),
      ),
      'providers.custom-radio-garden.url: The address must start with https://',
    ],
    [
      'a provider posing as a built-in one',
      broken((p) => (p.providers = { spotify: radio })),
      'providers.spotify: Ids start with custom-',
    ],
    [
      'a provider with extra fields',
      broken((p) => (p.providers = { 'custom-x': { ...radio, script: 'alert(1)' } })),
      'Must have exactly name, media and url.',
    ],
    [
      'an empty list',
      broken((p) => ((p.queries as { music: { match: { sad: string[] } } }).music.match.sad = [])),
      'queries.music.match.sad: The list needs at least one search.',
    ],
    [
      'an unknown mood',
      broken(
        (p) => ((p.queries as { music: { match: Record<string, string[]> } }).music.match.bored = ['x']),
      ),
      'queries.music.match.bored: Not a mood',
    ],
    ['queries as a list', broken((p) => (p.queries = [])), 'queries: Must be an object by media'],
    ['a huge file', ' '.repeat(300 * 1024), 'larger than 256 KB'],
  ])('refuses %s and says why', (_name, text, problem) => {
    const result = parsePack(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems.map(english).join('\n')).toContain(problem);
  });

  it('lists several problems at once, with where each is', () => {
    const result = parsePack(
      broken((p) => {
        p.providers = { 'custom-a': { name: '', media: 'music', url: radio.url } };
        (p.queries as { movies: { lift: { calm: unknown } } }).movies.lift.calm = 'adventure';
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map(english)).toEqual([
      'providers.custom-a.name: Give the provider a name.',
      'queries.movies.lift.calm: Must be a list of searches.',
    ]);
  });
});

describe('parseStoredMapping', () => {
  it('keeps the valid parts of what storage held', () => {
    const stored = {
      providers: { 'custom-radio-garden': radio, 'custom-bad': { ...radio, url: 'ftp://x/{query}' } },
      queries: { music: { match: { sad: ['blues'], calm: [] } }, podcasts: {} },
    };
    expect(parseStoredMapping(stored)).toEqual({
      providers: { 'custom-radio-garden': radio },
      queries: { music: { match: { sad: ['blues'] } } },
    });
    expect(parseStoredMapping(undefined)).toEqual(EMPTY_MAPPING);
    expect(parseStoredMapping('junk')).toEqual(EMPTY_MAPPING);
  });
});
