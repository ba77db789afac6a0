/**
 * The choices the popup and the options page both offer, drawn once so they never drift: the
 * media, a provider for a media, match or lift, and the countdown.
 */
import { t } from '../../platform/i18n';
import { ANY_PROVIDER, providersFor, type Catalogue } from '../../recommendation/catalogue';
import type { MessageKey } from '../../common/i18n';
import { MEDIA_LABEL, STRATEGY_LABEL } from '../../common/labels';
import {
  isMediaKind,
  isStrategy,
  MEDIA_KINDS,
  STRATEGIES,
  type MediaKind,
  type Strategy,
} from '../../recommendation/media';
import { shownProviderChoice, type Settings } from '../../recommendation/settings';
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

/** A drop-down over a fixed list of values, each shown by its translated label. */
function ValueSelect<T extends string>(props: {
  name: string;
  value: T;
  values: readonly T[];
  isValue(value: string): value is T;
  label: Record<T, MessageKey>;
  disabled?: boolean;
  onChange(value: T): void;
}) {
  return (
    <select
      name={props.name}
      value={props.value}
      disabled={props.disabled}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (props.isValue(value)) props.onChange(value);
      }}
    >
      {props.values.map((value) => (
        <option key={value} value={value}>
          {t(props.label[value])}
        </option>
      ))}
    </select>
  );
}

/** The media as a drop-down (the options page's editors pick the media they edit). */
export function MediaSelect(props: { name: string; value: MediaKind; onChange(media: MediaKind): void }) {
  return <ValueSelect {...props} values={MEDIA_KINDS} isValue={isMediaKind} label={MEDIA_LABEL} />;
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
      <span>{t('choices_picksThat')}</span>{' '}
      <ValueSelect
        name={props.name ?? 'strategy'}
        value={props.value}
        values={STRATEGIES}
        isValue={isStrategy}
        label={STRATEGY_LABEL}
        disabled={props.disabled}
        onChange={props.onChange}
      />
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

interface ChoiceFieldsProps {
  settings: Settings;
  /** The user's catalogue: their own providers are offered too. */
  catalogue: Catalogue;
  disabled: boolean;
  onChange(patch: Partial<Settings>): void;
  /** Draw the media as one segmented control (the popup) rather than a row of radios. */
  segmented?: boolean;
}

/**
 * What to open (media, provider for that media, whether picks match or lift the mood) and whether
 * the snapshot waits for a countdown: the popup's and the web app's choices, one set of fields.
 */
export function ChoiceFields({
  settings,
  catalogue,
  disabled,
  onChange,
  segmented = false,
}: ChoiceFieldsProps) {
  const media = <MediaRadios value={settings.media} onChange={(value) => onChange({ media: value })} />;
  return (
    <>
      <fieldset class="media" disabled={disabled}>
        <legend>{t('choices_open')}</legend>
        {segmented ? <div class="segmented">{media}</div> : media}
      </fieldset>
      <div class="options">
        <label>
          <span>{t('choices_from')}</span>{' '}
          <ProviderSelect
            name="provider"
            media={settings.media}
            settings={settings}
            catalogue={catalogue}
            disabled={disabled}
            onChange={(provider) => onChange({ providers: { [settings.media]: provider } })}
          />
        </label>
        <StrategySelect
          value={settings.strategy}
          disabled={disabled}
          onChange={(strategy) => onChange({ strategy })}
        />
        <CountdownToggle
          checked={settings.countdown}
          disabled={disabled}
          onChange={(countdown) => onChange({ countdown })}
        />
      </div>
    </>
  );
}
