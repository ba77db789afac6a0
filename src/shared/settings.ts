/** The popup's choices: the one place they are defaulted, merged and checked. */
import { isMediaKind, isStrategy, type MediaKind, type Strategy } from './moods';
import { CATALOGUE } from './catalogue';
import { isRecord, ownValue } from './records';

/** The only things Moodtab stores: choices the user made in the popup. Never images or moods. */
export interface Settings {
  media: MediaKind;
  strategy: Strategy;
  /** Chosen provider id per media; absent means the catalogue's default. */
  providers: Partial<Record<MediaKind, string>>;
  /** Count down 3-2-1 before a popup capture's snapshot, so the user can face the camera. */
  countdown: boolean;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  media: 'music',
  strategy: 'match',
  providers: {},
  countdown: true,
};

const SETTINGS_FIELDS = Object.keys(DEFAULT_SETTINGS);

function isProviderOf(media: MediaKind, id: unknown): id is string {
  return ownValue(CATALOGUE.providers, id)?.media === media;
}

/** Reads whatever storage held, keeping only valid fields (storage can hold old or hand-edited data). */
export function parseSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  const providers: Settings['providers'] = {};
  if (isRecord(value.providers)) {
    for (const [media, id] of Object.entries(value.providers)) {
      if (isMediaKind(media) && isProviderOf(media, id)) providers[media] = id;
    }
  }
  return {
    media: isMediaKind(value.media) ? value.media : DEFAULT_SETTINGS.media,
    strategy: isStrategy(value.strategy) ? value.strategy : DEFAULT_SETTINGS.strategy,
    providers,
    countdown: typeof value.countdown === 'boolean' ? value.countdown : DEFAULT_SETTINGS.countdown,
  };
}

/** Strict check for settings sent in a message: every field valid, nothing else. */
export function isSettings(value: unknown): value is Settings {
  if (!isRecord(value) || !isMediaKind(value.media) || !isStrategy(value.strategy)) return false;
  const { providers } = value;
  return (
    isRecord(providers) &&
    typeof value.countdown === 'boolean' &&
    Object.keys(value).every((key) => SETTINGS_FIELDS.includes(key)) &&
    Object.entries(providers).every(([media, id]) => isMediaKind(media) && isProviderOf(media, id))
  );
}

/** A change applied to settings: provider choices are merged per media, not replaced. */
export function mergeSettings(settings: Settings, patch: Partial<Settings>): Settings {
  return { ...settings, ...patch, providers: { ...settings.providers, ...patch.providers } };
}

/** The provider id used for a media: the chosen one, else the catalogue's default. */
export function providerIdFor(settings: Settings, media: MediaKind = settings.media): string {
  return settings.providers[media] ?? CATALOGUE.defaultProvider[media];
}
