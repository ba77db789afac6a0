/**
 * The choices the popup and the options page both offer, drawn once so they never drift: the
 * media, a provider for a media, match or lift, and the countdown.
 */
import { t } from '../../platform/i18n';
import { ANY_PROVIDER, providersFor, type Catalogue } from '../../shared/catalogue';
import { MEDIA_LABEL, STRATEGY_LABEL } from '../../shared/labels';
import {
  isMediaKind,
  isStrategy,
  MEDIA_KINDS,
  STRATEGIES,
  type MediaKind,
  type Strategy,
} from '../../shared/moods';
import { shownProviderChoice, type Settings } from '../../shared/settings';
import { providerLabel } from '../providerLabel';

/** One radio button per media, named `media`. */
export function MediaRadios(props: {
  value: MediaKind;
  labelClass?: string;
  onChange(media: MediaKind): void;
}) {
  return (
    <>
      {MEDIA_KINDS.map((media) => (
        <label key={media} class={props.labelClass}>
          <input
            type="radio"
            name="media"
            value={media}
            checked={props.value === media}
            onChange={() => props.onChange(media)}
          />
          {t(MEDIA_LABEL[media])}
        </label>
      ))}
    </>
  );
}

/** The media as a drop-down (the options page's editors pick the media they edit). */
export function MediaSelect(props: { name: string; value: MediaKind; onChange(media: MediaKind): void }) {
  return (
    <select
      name={props.name}
      value={props.value}
      onChange={(event) => {
        const media = event.currentTarget.value;
        if (isMediaKind(media)) props.onChange(media);
      }}
    >
      {MEDIA_KINDS.map((media) => (
        <option key={media} value={media}>
          {t(MEDIA_LABEL[media])}
        </option>
      ))}
    </select>
  );
}

interface ProviderSelectProps {
  name: string;
  media: MediaKind;
  settings: Settings;
  /** The user's catalogue: their own providers are offered too. */
  catalogue: Catalogue;
  disabled?: boolean;
  onChange(provider: string): void;
}

/** The providers for one media, the user's own included, and "any without an account". */
export function ProviderSelect({
  name,
  media,
  settings,
  catalogue,
  disabled,
  onChange,
}: ProviderSelectProps) {
  return (
    <select
      name={name}
      value={shownProviderChoice(settings, media, catalogue)}
      disabled={disabled}
      onChange={(event) => onChange(event.currentTarget.value)}
    >
      {providersFor(media, catalogue).map((provider) => (
        <option key={provider.id} value={provider.id}>
          {providerLabel(provider)}
        </option>
      ))}
      <option value={ANY_PROVIDER}>{t('choices_anyProvider')}</option>
    </select>
  );
}

/** "Picks that" match or lift the mood. */
export function StrategySelect(props: {
  name?: string;
  value: Strategy;
  disabled?: boolean;
  onChange(strategy: Strategy): void;
}) {
  return (
    <label>
      {t('choices_picksThat')}{' '}
      <select
        name={props.name ?? 'strategy'}
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => {
          const strategy = event.currentTarget.value;
          if (isStrategy(strategy)) props.onChange(strategy);
        }}
      >
        {STRATEGIES.map((strategy) => (
          <option key={strategy} value={strategy}>
            {t(STRATEGY_LABEL[strategy])}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Whether the snapshot waits for a 3-2-1 countdown. */
export function CountdownToggle(props: {
  checked: boolean;
  disabled?: boolean;
  onChange(on: boolean): void;
}) {
  return (
    <label>
      <input
        type="checkbox"
        name="countdown"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />{' '}
      {t('choices_countdown')}
    </label>
  );
}
