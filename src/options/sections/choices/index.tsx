import { useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { ANY_PROVIDER, providersFor } from '../../../shared/catalogue';
import { errorMessageKey, toErrorInfo, type ErrorCode } from '../../../shared/errors';
import { MEDIA_LABEL, STRATEGY_LABEL } from '../../../shared/labels';
import { isStrategy, MEDIA_KINDS, STRATEGIES } from '../../../shared/moods';
import { shownProviderChoice, type Settings } from '../../../shared/settings';
import { providerLabel } from '../../../ui/providerLabel';
import { Shortcut } from '../../../ui/shortcut';
import { useCatalogue, useSettings } from '../../hooks';

/**
 * The popup's choices, all at once: the media, a provider for each (the user's own providers and
 * "any without an account" included), match or lift, the countdown; and the shortcut.
 */
export function ChoicesSection() {
  const [settings, change] = useSettings();
  const catalogue = useCatalogue();
  const [failure, setFailure] = useState<ErrorCode>();
  if (!settings) return null;
  const save = (patch: Partial<Settings>) =>
    void change(patch).then(
      () => setFailure(undefined),
      (error: unknown) => setFailure(toErrorInfo(error).code),
    );
  return (
    <>
      <fieldset>
        <legend>{t('choices_open')}</legend>
        {MEDIA_KINDS.map((media) => (
          <label key={media} class="inline">
            <input
              type="radio"
              name="media"
              value={media}
              checked={settings.media === media}
              onChange={() => save({ media })}
            />
            {t(MEDIA_LABEL[media])}
          </label>
        ))}
      </fieldset>
      <fieldset class="providers">
        <legend>{t('options_providers')}</legend>
        {MEDIA_KINDS.map((media) => (
          <label key={media}>
            <span>{t(MEDIA_LABEL[media])}</span>
            <select
              name={`provider-${media}`}
              value={shownProviderChoice(settings, media, catalogue)}
              onChange={(event) => save({ providers: { [media]: event.currentTarget.value } })}
            >
              {providersFor(media, catalogue).map((provider) => (
                <option key={provider.id} value={provider.id}>
                  {providerLabel(provider)}
                </option>
              ))}
              <option value={ANY_PROVIDER}>{t('choices_anyProvider')}</option>
            </select>
          </label>
        ))}
      </fieldset>
      <div class="rows">
        <label>
          {t('choices_picksThat')}{' '}
          <select
            name="strategy"
            value={settings.strategy}
            onChange={(event) => {
              const strategy = event.currentTarget.value;
              if (isStrategy(strategy)) save({ strategy });
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
            onChange={(event) => save({ countdown: event.currentTarget.checked })}
          />{' '}
          {t('choices_countdown')}
        </label>
      </div>
      {failure && (
        <p class="error" role="alert">
          {t(errorMessageKey(failure))}
        </p>
      )}
      <h3>{t('welcome_shortcutTitle')}</h3>
      <Shortcut />
    </>
  );
}
