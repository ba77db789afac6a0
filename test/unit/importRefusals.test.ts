/**
 * A mapping pack holds nothing the editor would refuse: built-in provider names and their
 * look-alikes, hidden characters, names twice, more than 20 providers. And a property: whatever
 * the editor refuses (a provider, a query list), an imported pack refuses too.
 */
import fc from 'fast-check';
import {
  EMPTY_MAPPING,
  exportPack,
  parsePack,
  providerProblems,
  queryListProblem,
  withCustomProvider,
  type CustomProvider,
  type Mapping,
} from '../../src/recommendation/mapping';
import { CATALOGUE } from '../../src/recommendation/catalogue';
import { MEDIA_KINDS } from '../../src/recommendation/media';
import { english } from './helpers/english';

const radio: CustomProvider = {
  name: 'Radio Garden',
  media: 'music',
  url: 'https://radio.garden/search?q={query}',
};

/** A pack of `mapping` with `providers` laid over its own. */
const packWith = (providers: Record<string, unknown>, mapping: Mapping = EMPTY_MAPPING) =>
  JSON.stringify({ ...exportPack(mapping), providers: { ...mapping.providers, ...providers } });

const refusal = (text: string) => {
  const result = parsePack(text);
  return result.ok ? 'accepted' : result.problems.map(english).join('\n');
};

describe('a mapping pack refuses', () => {
  it.each([
    ['a built-in name', { ...radio, name: 'Spotify' }, 'the name of a built-in provider'],
    ['a built-in name in other case and spacing', { ...radio, name: ' spot ify ' }, 'built-in provider'],
    ['a full-width look-alike (NFKC)', { ...radio, name: 'Ｓｐｏｔｉｆｙ' }, 'built-in provider'],
    ['a built-in name for another media', { ...radio, name: 'YouTube', media: 'pictures' }, 'built-in'],
    ['a control character and a bidi override', { ...radio, name: 'a\u0007\u202eb' }, 'text-direction'],
    ['a zero-width space', { ...radio, name: 'Radio\u200bGarden' }, 'text-direction'],
  ])('%s', (_what, provider, message) => {
    expect(refusal(packWith({ 'custom-x': provider }))).toContain(message);
  });

  it('two providers of one media whose names differ only in case', () => {
    const text = packWith({ 'custom-a': radio, 'custom-b': { ...radio, name: 'RADIO GARDEN' } });
    expect(refusal(text)).toContain(
      'providers.custom-b.name: There is already a music provider called RADIO GARDEN',
    );
  });

  it('more than 20 providers', () => {
    const many = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [`custom-p${i}`, { ...radio, name: `Radio ${i}` }]),
    );
    expect(refusal(packWith(many))).toContain('At most 20 providers are allowed.');
  });

  it('a provider pointing anywhere but https, and takes a good pack whole', () => {
    expect(refusal(packWith({ 'custom-x': { ...radio, url: 'http://evil.example/?q={query}' } }))).toContain(
      'https://',
    );
    expect(refusal(packWith({ 'custom-radio': radio }))).toBe('accepted');
  });
});

/** Names from every corner: built-in ones in any case, width and spacing, hidden characters, plain words. */
const builtInNames = Object.values(CATALOGUE.providers).map((provider) => provider.name);
const names = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom(...builtInNames).map((name) => name.toUpperCase()),
  fc
    .constantFrom(...builtInNames)
    .map((name) => name.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
  fc
    .tuple(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('\u0000', '\u0007', '\u202e', '\u2066', '\u200b', '\ufeff', '\n'),
      fc.string({ maxLength: 10 }),
    )
    .map((parts) => parts.join('')),
  fc.constantFrom('Radio Garden', 'radio garden', 'Bandcamp', 'Mixcloud'),
);
const urls = fc.oneof(
  fc.constant('https://radio.garden/search?q={query}'),
  fc.constantFrom(
    'http://x.org/?q={query}',
    'https://{query}.org/',
    'https://x.org/',
    'https://x.org/?q={query}&{page}',
    'https://user:pw@x.org/?q={query}',
    'https://localhost/?q={query}',
  ),
  fc.string({ maxLength: 60 }).map((tail) => `https://example.org/${tail}`),
);
const drafts = fc.record({ name: names, media: fc.constantFrom(...MEDIA_KINDS), url: urls });
/** A mapping with a few providers the editor took. */
const mappings = fc.array(drafts, { maxLength: 4 }).map((list) =>
  list.reduce<Mapping>((mapping, draft) => {
    const problems = providerProblems(draft, mapping);
    return problems.name || problems.url ? mapping : withCustomProvider(mapping, draft);
  }, EMPTY_MAPPING),
);

describe('whatever the editor refuses, an imported pack refuses too', () => {
  it('providers', () => {
    fc.assert(
      fc.property(mappings, drafts, (mapping, draft) => {
        const problems = providerProblems(draft, mapping);
        fc.pre(Boolean(problems.name || problems.url));
        expect(parsePack(packWith({ 'custom-new': draft }, mapping)).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('query lists', () => {
    const queries = fc.oneof(
      fc.string({ maxLength: 90 }),
      fc.constantFrom('sad songs', 'Sad Songs', ' sad', 'a\u202eb', 'x'.repeat(81), ''),
    );
    fc.assert(
      fc.property(fc.array(queries, { maxLength: 12 }), (list) => {
        fc.pre(queryListProblem(list) !== undefined);
        const pack = exportPack(EMPTY_MAPPING);
        const music = pack.queries.music!;
        const queries = { ...pack.queries, music: { ...music, lift: { ...music.lift, sad: list } } };
        expect(parsePack(JSON.stringify({ ...pack, queries })).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
