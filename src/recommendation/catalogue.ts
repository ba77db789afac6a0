/**
 * What a mood opens: providers (a search URL template each) and, per media, strategy and mood, a
 * few search queries. Which (provider, query) pair opens is left to the bandit (bandit.ts); the
 * user's own edits (mapping.ts) are laid over this built-in catalogue.
 */
import catalogueData from './catalogue.json';
import { ownValue } from '../common/records';
import { MOODS, type Mood } from '../model/moods';
import { MEDIA_KINDS, STRATEGIES, type MediaKind, type Strategy } from './media';
import { fillTemplate, queryProblem, urlTemplateProblem } from './values';

// The value checks live in values.ts; these are re-exported where the catalogue's users look for them.
export {
  CUSTOM_PROVIDER_PREFIX,
  fillTemplate,
  isCustomProviderId,
  MAX_QUERY_LENGTH,
  queryProblem,
  urlTemplateProblem,
} from './values';

export interface ProviderInfo {
  name: string;
  media: MediaKind;
  /** https URL template; every `{query}` is replaced by the URL-encoded query. */
  url: string;
  /** True where playing or watching needs an account (the search page may still open without one). */
  account?: boolean;
}

export interface Provider extends ProviderInfo {
  id: string;
}

export type QueryLists = Record<MediaKind, Record<Strategy, Record<Mood, string[]>>>;

export interface Catalogue {
  providers: Record<string, ProviderInfo>;
  defaultProvider: Record<MediaKind, string>;
  queries: QueryLists;
}

export interface Recommendation {
  mood: Mood;
  media: MediaKind;
  strategy: Strategy;
  provider: Provider;
  query: string;
  url: string;
}

/** One thing the bandit can open: a provider searched for a query. */
export interface Arm {
  provider: Provider;
  query: string;
}

/** The provider choice "any provider that needs no account, and my own": Moodtab learns which. */
export const ANY_PROVIDER = 'any';
/** The built-in catalogue offers this many queries per (media, strategy, mood). */
export const BUILT_IN_QUERIES = { min: 3, max: 5 };

/** Checks a catalogue for holes, so a bad edit of catalogue.json fails at load, not at a user's click. */
export function validateCatalogue(data: Catalogue): Catalogue {
  for (const media of MEDIA_KINDS) {
    const providerId = data.defaultProvider[media];
    if (ownValue(data.providers, providerId)?.media !== media) {
      throw new Error(
        `catalogue: default ${media} provider "${providerId}" is missing or not a ${media} provider`,
      );
    }
    for (const strategy of STRATEGIES) {
      for (const mood of MOODS) {
        const list = data.queries[media]?.[strategy]?.[mood];
        if (!list?.length) throw new Error(`catalogue: no ${strategy} query for ${media}/${mood}`);
        if (list.length < BUILT_IN_QUERIES.min || list.length > BUILT_IN_QUERIES.max) {
          throw new Error(
            `catalogue: ${media}/${strategy}/${mood} needs ${BUILT_IN_QUERIES.min} to ${BUILT_IN_QUERIES.max} queries`,
          );
        }
        if (new Set(list).size !== list.length) {
          throw new Error(`catalogue: ${media}/${strategy}/${mood} lists a query twice`);
        }
        for (const query of list) {
          const refused = queryProblem(query);
          if (refused) throw new Error(`catalogue: query "${query}" refused (${refused.key})`);
        }
      }
    }
  }
  for (const [id, provider] of Object.entries(data.providers)) {
    const refused = urlTemplateProblem(provider.url);
    if (refused)
      throw new Error(
        `catalogue: provider "${id}" URL refused (${refused.key}): needs an https URL with {query}`,
      );
  }
  return data;
}

export const CATALOGUE: Catalogue = validateCatalogue(catalogueData as Catalogue);

export function providersFor(media: MediaKind, catalogue: Catalogue = CATALOGUE): Provider[] {
  return Object.entries(catalogue.providers)
    .filter(([, provider]) => provider.media === media)
    .map(([id, provider]) => ({ id, ...provider }));
}

/** The provider a choice stands for: itself when it is a provider of the media, else the default. */
function providerOf(choice: string, media: MediaKind, catalogue: Catalogue): Provider {
  const chosen = ownValue(catalogue.providers, choice);
  const id = chosen?.media === media ? choice : catalogue.defaultProvider[media];
  return { id, ...catalogue.providers[id]! };
}

/**
 * Everything a mood may open, given the provider choice: every query with the chosen provider,
 * or, for ANY_PROVIDER, every query with every provider of the media that needs no account.
 */
export function armsFor(
  mood: Mood,
  media: MediaKind,
  strategy: Strategy,
  providerChoice: string,
  catalogue: Catalogue = CATALOGUE,
): Arm[] {
  const free = providersFor(media, catalogue).filter((provider) => !provider.account);
  const providers =
    providerChoice === ANY_PROVIDER && free.length ? free : [providerOf(providerChoice, media, catalogue)];
  const queries = catalogue.queries[media][strategy][mood];
  return providers.flatMap((provider) => queries.map((query) => ({ provider, query })));
}

export function recommendationFor(
  { provider, query }: Arm,
  mood: Mood,
  media: MediaKind,
  strategy: Strategy,
): Recommendation {
  return { mood, media, strategy, provider, query, url: fillTemplate(provider.url, query) };
}
