/**
 * The user's own recommendations, laid over the built-in catalogue: query lists they edited and
 * providers they added. Kept in storage.local; moved between browsers as a "mapping pack" (JSON).
 * Lists and addresses meet the same checks (queryListProblem, urlTemplateProblem) wherever they
 * come from; the editor also refuses a name already taken or with control characters, storage
 * keeps what is valid, and a pack is taken whole or not at all.
 */
import { CATALOGUE, type Catalogue, type QueryLists } from './catalogue';
import {
  CUSTOM_PROVIDER_PREFIX,
  isCustomProviderId,
  MAX_PROVIDER_NAME,
  providerNameProblem,
  queryProblem,
  urlTemplateProblem,
} from './values';
import { problem, type MessageKey, type Problem } from '../common/i18n';
import { isMood, MOODS, type Mood } from '../model/moods';
import { isMediaKind, isStrategy, MEDIA_KINDS, STRATEGIES, type MediaKind, type Strategy } from './media';
import { isRecord } from '../common/records';

export interface CustomProvider {
  name: string;
  media: MediaKind;
  /** https URL template with {query}, checked by urlTemplateProblem. */
  url: string;
}

export type QueryOverrides = Partial<
  Record<MediaKind, Partial<Record<Strategy, Partial<Record<Mood, string[]>>>>>
>;

export interface Mapping {
  /** The user's providers, by id (custom-...). */
  providers: Record<string, CustomProvider>;
  /** Only the lists the user changed; the others follow the built-in catalogue (and its updates). */
  queries: QueryOverrides;
}

export const EMPTY_MAPPING: Mapping = { providers: {}, queries: {} };
export const EDITABLE_QUERIES = { min: 1, max: 10 };
export const MAX_CUSTOM_PROVIDERS = 20;
export { MAX_PROVIDER_NAME };
export const MAX_PACK_BYTES = 256 * 1024;
export const PACK_FORMAT = 'moodtab-mapping-pack';
export const PACK_VERSION = 1;

export interface MappingPack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  providers: Record<string, CustomProvider>;
  queries: QueryOverrides;
}

const sameQuery = (query: string) => query.toLocaleLowerCase();

/** Editor text to a list: one query per line, spaces at either end and blank lines dropped. */
export const parseQueryLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Why a list of queries cannot be kept, or undefined when it can. */
export function queryListProblem(list: readonly unknown[]): Problem | undefined {
  if (list.length < EDITABLE_QUERIES.min) return problem('list_empty');
  if (list.length > EDITABLE_QUERIES.max) return problem('list_tooMany', EDITABLE_QUERIES.max);
  for (const query of list) {
    if (typeof query !== 'string') return problem('list_notText');
    const refused = queryProblem(query);
    if (refused) return refused;
  }
  if (new Set(list.map((query) => sameQuery(query as string))).size !== list.length) {
    return problem('list_twice');
  }
  return undefined;
}

export interface ProviderProblems {
  name?: Problem;
  url?: Problem;
}

const NAME_TAKEN: Record<MediaKind, MessageKey> = {
  music: 'provider_nameTakenMusic',
  movies: 'provider_nameTakenMovies',
  pictures: 'provider_nameTakenPictures',
};

/** The built-in providers' names, whatever their media: no provider of the user's may look like one. */
const builtInNames = (base: Catalogue) =>
  Object.entries(base.providers)
    .filter(([id]) => !isCustomProviderId(id))
    .map(([, provider]) => provider.name);

/** The user's own provider names of one media. */
const ownNames = (providers: Record<string, CustomProvider>, media: MediaKind) =>
  Object.values(providers)
    .filter((provider) => provider.media === media)
    .map((provider) => provider.name);

/** Why a provider's name cannot be kept beside `others` (the user's providers), or undefined. */
function nameProblem(
  draft: CustomProvider,
  others: Record<string, CustomProvider>,
  base: Catalogue,
): Problem | undefined {
  const found = providerNameProblem(draft.name, {
    builtIn: builtInNames(base),
    own: ownNames(others, draft.media),
  });
  return found && 'taken' in found ? problem(NAME_TAKEN[draft.media], draft.name.trim()) : found;
}

/** What is wrong with a provider the user is adding; empty when it can be added. */
export function providerProblems(
  draft: CustomProvider,
  mapping: Mapping = EMPTY_MAPPING,
  base: Catalogue = CATALOGUE,
): ProviderProblems {
  const problems: ProviderProblems = {};
  const name = nameProblem(draft, mapping.providers, base);
  if (name) problems.name = name;
  const urlProblem = urlTemplateProblem(draft.url.trim());
  if (urlProblem) problems.url = urlProblem;
  if (Object.keys(mapping.providers).length >= MAX_CUSTOM_PROVIDERS) {
    problems.name ??= problem('provider_tooMany', MAX_CUSTOM_PROVIDERS);
  }
  return problems;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30) || 'provider';

/** The mapping with one more provider; throws when providerProblems finds anything. */
export function withCustomProvider(mapping: Mapping, draft: CustomProvider): Mapping {
  const problems = providerProblems(draft, mapping);
  const first = problems.name ?? problems.url;
  if (first) throw new Error(`mapping: provider refused (${first.key})`);
  const stem = `${CUSTOM_PROVIDER_PREFIX}${slug(draft.name)}`;
  let id = stem;
  for (let n = 2; Object.hasOwn(mapping.providers, id); n++) id = `${stem}-${n}`;
  const provider = { name: draft.name.trim(), media: draft.media, url: draft.url.trim() };
  return { ...mapping, providers: { ...mapping.providers, [id]: provider } };
}

export function withoutCustomProvider(mapping: Mapping, id: string): Mapping {
  const providers = { ...mapping.providers };
  delete providers[id];
  return { ...mapping, providers };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((query, i) => query === b[i]);

/**
 * The mapping with one query list replaced (throws on a list queryListProblem refuses). A list
 * equal to the built-in one is not kept, so it follows later catalogue updates.
 */
export function withQueries(
  mapping: Mapping,
  media: MediaKind,
  strategy: Strategy,
  mood: Mood,
  list: readonly string[],
  base: Catalogue = CATALOGUE,
): Mapping {
  const refused = queryListProblem(list);
  if (refused) throw new Error(`mapping: list refused (${refused.key})`);
  const queries = { ...mapping.queries };
  const byStrategy = { ...queries[media] };
  const byMood = { ...byStrategy[strategy] };
  if (sameList(list, base.queries[media][strategy][mood])) delete byMood[mood];
  else byMood[mood] = [...list];
  // No empty levels are kept, so a mapping with nothing changed is EMPTY_MAPPING's shape.
  if (Object.keys(byMood).length) byStrategy[strategy] = byMood;
  else delete byStrategy[strategy];
  if (Object.keys(byStrategy).length) queries[media] = byStrategy;
  else delete queries[media];
  return { ...mapping, queries };
}

/** The catalogue the user sees: the built-in one with their lists and providers laid over it. */
export function applyMapping(mapping: Mapping, base: Catalogue = CATALOGUE): Catalogue {
  const queries = Object.fromEntries(
    MEDIA_KINDS.map((media) => [
      media,
      Object.fromEntries(
        STRATEGIES.map((strategy) => [
          strategy,
          Object.fromEntries(
            MOODS.map((mood) => [
              mood,
              mapping.queries[media]?.[strategy]?.[mood] ?? base.queries[media][strategy][mood],
            ]),
          ),
        ]),
      ),
    ]),
  ) as QueryLists;
  return { ...base, providers: { ...base.providers, ...mapping.providers }, queries };
}

/** Problems, each with where it is (`at`); at most this many are reported. */
const MAX_PROBLEMS = 10;

const found = (at: string, what: Problem): Problem => ({ ...what, at });

/** Why one provider of a pack (or of storage) cannot be taken, and where; undefined when it can. */
function packProviderProblem(
  id: string,
  value: unknown,
  accepted: Record<string, CustomProvider>,
  base: Catalogue,
): Problem | undefined {
  const at = `providers.${id}`;
  if (!isCustomProviderId(id)) return found(at, problem('pack_providerId', CUSTOM_PROVIDER_PREFIX));
  if (!isRecord(value) || Object.keys(value).some((key) => !['name', 'media', 'url'].includes(key)))
    return found(at, problem('pack_providerFields'));
  const { name, media, url } = value;
  if (typeof name !== 'string') return found(`${at}.name`, problem('pack_providerName', MAX_PROVIDER_NAME));
  if (!isMediaKind(media)) return found(`${at}.media`, problem('pack_oneOf', MEDIA_KINDS.join(', ')));
  if (typeof url !== 'string') return found(`${at}.url`, problem('pack_notText'));
  // The editor's own checks: a pack can hold nothing the editor would refuse.
  const named = nameProblem({ name, media, url }, accepted, base);
  if (named) return found(`${at}.name`, named);
  const urlProblem = urlTemplateProblem(url);
  return urlProblem && found(`${at}.url`, urlProblem);
}

function checkProviders(raw: unknown, problems: Problem[], base: Catalogue): Record<string, CustomProvider> {
  const providers: Record<string, CustomProvider> = {};
  if (!isRecord(raw)) {
    problems.push(found('providers', problem('pack_providersObject')));
    return providers;
  }
  const ids = Object.keys(raw);
  if (ids.length > MAX_CUSTOM_PROVIDERS)
    problems.push(found('providers', problem('pack_tooManyProviders', MAX_CUSTOM_PROVIDERS)));
  for (const id of ids.slice(0, MAX_CUSTOM_PROVIDERS)) {
    const value = raw[id];
    const refused = packProviderProblem(id, value, providers, base);
    if (refused) problems.push(refused);
    else {
      const { name, media, url } = value as unknown as CustomProvider;
      providers[id] = { name: name.trim(), media, url };
    }
  }
  return providers;
}

function checkQueries(raw: unknown, problems: Problem[], base: Catalogue): QueryOverrides {
  let mapping: Mapping = EMPTY_MAPPING;
  const levels = [
    { name: 'media', is: isMediaKind, all: MEDIA_KINDS },
    { name: 'strategy', is: isStrategy, all: STRATEGIES },
    { name: 'mood', is: isMood, all: MOODS },
  ] as const;
  const walk = (value: unknown, depth: number, path: string[]) => {
    const at = ['queries', ...path].join('.');
    if (depth === levels.length) {
      const refused = Array.isArray(value) ? queryListProblem(value) : problem('pack_notList');
      if (refused) problems.push(found(at, refused));
      else mapping = withQueries(mapping, ...(path as [MediaKind, Strategy, Mood]), value as string[], base);
      return;
    }
    const level = levels[depth]!;
    const names = level.all.join(', ');
    if (!isRecord(value)) {
      problems.push(found(at, problem('pack_notObject', level.name, names)));
      return;
    }
    for (const key of Object.keys(value)) {
      if (!level.is(key)) problems.push(found(`${at}.${key}`, problem('pack_notOneOf', level.name, names)));
      else walk(value[key], depth + 1, [...path, key]);
    }
  };
  walk(raw, 0, []);
  return mapping.queries;
}

/** Whatever storage held, keeping the valid parts (storage can hold old or hand-edited data). */
export function parseStoredMapping(raw: unknown, base: Catalogue = CATALOGUE): Mapping {
  if (!isRecord(raw)) return EMPTY_MAPPING;
  const ignored: Problem[] = [];
  return {
    providers: checkProviders(raw.providers ?? {}, ignored, base),
    queries: checkQueries(raw.queries ?? {}, ignored, base),
  };
}

/** A pack of the whole mapping: every query list (edited or not) and the user's providers. */
export function exportPack(mapping: Mapping, base: Catalogue = CATALOGUE): MappingPack {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    providers: mapping.providers,
    queries: applyMapping(mapping, base).queries,
  };
}

export type PackResult = { ok: true; mapping: Mapping } | { ok: false; problems: Problem[] };

/**
 * Reads a mapping pack file. Either the whole pack is valid and becomes the new mapping, or
 * nothing is taken and the problems say why (and where). Lists a pack leaves out
 * follow the built-in catalogue.
 */
export function parsePack(text: string, base: Catalogue = CATALOGUE): PackResult {
  if (text.length > MAX_PACK_BYTES) {
    return { ok: false, problems: [problem('pack_tooLarge', MAX_PACK_BYTES / 1024)] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: [problem('pack_notJson')] };
  }
  if (!isRecord(raw) || raw.format !== PACK_FORMAT) {
    return { ok: false, problems: [found('format', problem('pack_notPack'))] };
  }
  if (raw.version !== PACK_VERSION) {
    const version = problem('pack_version', JSON.stringify(raw.version) ?? '', PACK_VERSION);
    return { ok: false, problems: [found('version', version)] };
  }
  const problems = Object.keys(raw)
    .filter((key) => !['format', 'version', 'providers', 'queries'].includes(key))
    .map((key) => found(key, problem('pack_unknownField')));
  const providers = checkProviders(raw.providers ?? {}, problems, base);
  const queries = checkQueries(raw.queries ?? {}, problems, base);
  if (problems.length) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, mapping: { providers, queries } };
}
