import catalogueData from './catalogue.json';
import { ownValue } from './records';
import { MEDIA_KINDS, MOODS, STRATEGIES, type MediaKind, type Mood, type Strategy } from './moods';

export interface Provider {
  id: string;
  name: string;
  media: MediaKind;
  /** URL template; `{query}` is replaced by the URL-encoded query. */
  url: string;
}

export interface Catalogue {
  providers: Record<string, Omit<Provider, 'id'>>;
  defaultProvider: Record<MediaKind, string>;
  queries: Record<MediaKind, Record<Strategy, Record<Mood, string>>>;
}

export interface Recommendation {
  mood: Mood;
  media: MediaKind;
  strategy: Strategy;
  provider: Provider;
  query: string;
  url: string;
}

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
        if (!data.queries[media]?.[strategy]?.[mood]) {
          throw new Error(`catalogue: no ${strategy} query for ${media}/${mood}`);
        }
      }
    }
  }
  for (const [id, provider] of Object.entries(data.providers)) {
    if (!provider.url.startsWith('https://') || !provider.url.includes('{query}')) {
      throw new Error(`catalogue: provider "${id}" needs an https URL with {query}`);
    }
  }
  return data;
}

export const CATALOGUE: Catalogue = validateCatalogue(catalogueData as Catalogue);

export function providersFor(media: MediaKind, catalogue: Catalogue = CATALOGUE): Provider[] {
  return Object.entries(catalogue.providers)
    .filter(([, provider]) => provider.media === media)
    .map(([id, provider]) => ({ id, ...provider }));
}

export interface RecommendOptions {
  strategy?: Strategy;
  /** Provider id; falls back to the media's default when unknown or of another media. */
  providerId?: string;
}

export function recommend(
  mood: Mood,
  media: MediaKind,
  { strategy = 'match', providerId }: RecommendOptions = {},
  catalogue: Catalogue = CATALOGUE,
): Recommendation {
  const chosen = ownValue(catalogue.providers, providerId);
  const id = chosen?.media === media && providerId ? providerId : catalogue.defaultProvider[media];
  const provider = { id, ...catalogue.providers[id]! };
  const query = catalogue.queries[media][strategy][mood];
  const url = provider.url.replace('{query}', encodeURIComponent(query));
  return { mood, media, strategy, provider, query, url };
}
