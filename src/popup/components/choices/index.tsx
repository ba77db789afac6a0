import { t } from '../../../platform/i18n';
import { providersFor } from '../../../shared/catalogue';
import { isStrategy, MEDIA_KINDS, STRATEGIES } from '../../../shared/moods';
import { providerIdFor, type Settings } from '../../../shared/settings';
import { MEDIA_LABEL, STRATEGY_LABEL } from '../../../ui/labels';

interface ChoicesProps {
  settings: Settings;
  disabled: boolean;
  onChange(patch: Partial<Settings>): void;
}

/**
 * What to open (media, provider for that media, whether picks match or lift the mood) and whether
 * the snapshot waits for a countdown.
 */
export function Choices({ settings, disabled, onChange }: ChoicesProps) {
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
            value={providerIdFor(settings)}
            disabled={disabled}
            onChange={(event) => onChange({ providers: { [settings.media]: event.currentTarget.value } })}
          >
            {providersFor(settings.media).map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('choices_picksThat')}{' '}
          <select
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
