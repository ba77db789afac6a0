import { isMediaKind, isStrategy, type MediaKind, type Strategy } from './moods';
import { CATALOGUE } from './catalogue';

/** The only things Moodtab stores: choices the user made in the popup. Never images or moods. */
export interface Settings {
  media: MediaKind;
  strategy: Strategy;
  /** Chosen provider id per media; absent means the catalogue's default. */
  providers: Partial<Record<MediaKind, string>>;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = { media: 'music', strategy: 'match', providers: {} };

/** Reads whatever storage held, keeping only valid fields (storage can hold old or hand-edited data). */
export function parseSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const providers: Settings['providers'] = {};
  if (typeof value.providers === 'object' && value.providers !== null) {
    for (const [media, id] of Object.entries(value.providers as Record<string, unknown>)) {
      if (isMediaKind(media) && typeof id === 'string' && CATALOGUE.providers[id]?.media === media) {
        providers[media] = id;
      }
    }
  }
  return {
    media: isMediaKind(value.media) ? value.media : DEFAULT_SETTINGS.media,
    strategy: isStrategy(value.strategy) ? value.strategy : DEFAULT_SETTINGS.strategy,
    providers,
  };
}
