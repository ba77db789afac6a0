import { useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { errorMessageKey, toErrorInfo, type ErrorCode } from '../../../common/errors';
import { MEDIA_LABEL } from '../../../common/labels';
import { MEDIA_KINDS } from '../../../recommendation/media';
import type { Settings } from '../../../recommendation/settings';
import { CountdownToggle, MediaRadios, ProviderSelect, StrategySelect } from '../../../ui/choice-controls';
import { Shortcut } from '../../../ui/shortcut';
import { useCatalogue, useSettings } from '../../../ui/hooks';

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
        <div class="segmented">
          <MediaRadios value={settings.media} onChange={(media) => save({ media })} />
        </div>
      </fieldset>
      <fieldset class="providers">
        <legend>{t('options_providers')}</legend>
        {MEDIA_KINDS.map((media) => (
          <label key={media}>
            <span>{t(MEDIA_LABEL[media])}</span>
            <ProviderSelect
              name={`provider-${media}`}
              media={media}
              settings={settings}
              catalogue={catalogue}
              onChange={(provider) => save({ providers: { [media]: provider } })}
            />
          </label>
        ))}
      </fieldset>
      <div class="rows">
        <StrategySelect value={settings.strategy} onChange={(strategy) => save({ strategy })} />
        <CountdownToggle checked={settings.countdown} onChange={(countdown) => save({ countdown })} />
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
