import { t } from '../../../platform/i18n';
import { ANY_PROVIDER, providersFor, type Catalogue } from '../../../shared/catalogue';
import { MEDIA_LABEL, STRATEGY_LABEL } from '../../../shared/labels';
import { isStrategy, MEDIA_KINDS, STRATEGIES } from '../../../shared/moods';
import { shownProviderChoice, type Settings } from '../../../shared/settings';
import { providerLabel } from '../../../ui/providerLabel';

interface ChoicesProps {
  settings: Settings;
  /** The user's catalogue: their own providers are offered too. */
  catalogue: Catalogue;
  disabled: boolean;
  onChange(patch: Partial<Settings>): void;
}

/**
 * What to open (media, provider for that media, whether picks match or lift the mood) and whether
 * the snapshot waits for a countdown.
 */
export function Choices({ settings, catalogue, disabled, onChange }: ChoicesProps) {
  const providers = providersFor(settings.media, catalogue);
  const selected = shownProviderChoice(settings, settings.media, catalogue);
  return (
    <>
      <fieldset class="media" disabled={disabled}>
        <legend>{t('choices_open')}</legend>
        {MEDIA_KINDS.map((media) => (
          <label key={media}>
            <input
              type="radio"
              name="media"
              value={media}
              checked={settings.media === media}
              onChange={() => onChange({ media })}
            />
            {t(MEDIA_LABEL[media])}
          </label>
        ))}
      </fieldset>
      <div class="options">
        <label>
          {t('choices_from')}{' '}
          <select
            name="provider"
            value={selected}
            disabled={disabled}
            onChange={(event) => onChange({ providers: { [settings.media]: event.currentTarget.value } })}
          >
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {providerLabel(provider)}
              </option>
            ))}
            <option value={ANY_PROVIDER}>{t('choices_anyProvider')}</option>
          </select>
        </label>
        <label>
          {t('choices_picksThat')}{' '}
          <select
            name="strategy"
            value={settings.strategy}
            disabled={disabled}
            onChange={(event) => {
              const strategy = event.currentTarget.value;
              if (isStrategy(strategy)) onChange({ strategy });
            }}
          >
            {STRATEGIES.map((strategy) => (
              <option key={strategy} value={strategy}>
                {t(STRATEGY_LABEL[strategy])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            name="countdown"
            checked={settings.countdown}
            disabled={disabled}
            onChange={(event) => onChange({ countdown: event.currentTarget.checked })}
          />{' '}
          {t('choices_countdown')}
        </label>
      </div>
    </>
  );
}
