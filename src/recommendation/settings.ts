/** The popup's choices: the one place they are defaulted, merged and checked. */
import { isMediaKind, isStrategy, type MediaKind, type Strategy } from './media';
import { ANY_PROVIDER, CATALOGUE, isCustomProviderId, providersFor, type Catalogue } from './catalogue';
import { isRecord, ownValue } from '../common/records';

/** The choices the user made in the popup. (What else is stored: see README, Privacy.) */
export interface Settings {
  media: MediaKind;
  strategy: Strategy;
  /**
   * Chosen provider per media: a catalogue id, one of the user's own (custom-...), or ANY_PROVIDER
   * (any that needs no account; the bandit learns which). Absent means the catalogue's default.
   */
  providers: Partial<Record<MediaKind, string>>;
  /** Count down 3-2-1 before a popup capture's snapshot, so the user can face the camera. */
  countdown: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  media: 'music',
  strategy: 'match',
  providers: {},
  countdown: true,
};

const SETTINGS_FIELDS = Object.keys(DEFAULT_SETTINGS);

/**
 * A built-in provider of the media, ANY_PROVIDER, or a well-formed custom id: custom providers live
 * in storage (mapping.ts), so their media is checked where they are used, which falls back to the
 * default provider for one that is gone or of another media.
 */
function isProviderOf(media: MediaKind, id: unknown): id is string {
  if (id === ANY_PROVIDER || isCustomProviderId(id)) return true;
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

/** The provider choice for a media: the chosen one (maybe ANY_PROVIDER), else the catalogue's default. */
export function providerIdFor(settings: Settings, media: MediaKind = settings.media): string {
  return settings.providers[media] ?? CATALOGUE.defaultProvider[media];
}

/**
 * The provider choice a page shows for a media: the chosen one while the user's catalogue still
 * has it (or ANY_PROVIDER), else the default, as the background falls back for a removed one.
 */
export function shownProviderChoice(
  settings: Settings,
  media: MediaKind = settings.media,
  catalogue: Catalogue = CATALOGUE,
): string {
  const chosen = providerIdFor(settings, media);
  return chosen === ANY_PROVIDER || providersFor(media, catalogue).some(({ id }) => id === chosen)
    ? chosen
    : catalogue.defaultProvider[media];
}
