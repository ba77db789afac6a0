import type { Catalogue } from '../../recommendation/catalogue';
import type { Settings } from '../../recommendation/settings';
import { CountdownToggle, MediaRadios, ProviderSelect, StrategySelect } from '../../ui/choice-controls';
import { t } from '../i18n';

interface ChoicesProps {
  settings: Settings;
  catalogue: Catalogue;
  disabled: boolean;
  onChange(patch: Partial<Settings>): void;
}

/** What to open (media, provider, match or lift) and whether the snapshot waits for a countdown. */
export function Choices({ settings, catalogue, disabled, onChange }: ChoicesProps) {
  return (
    <>
      <fieldset class="media" disabled={disabled}>
        <legend>{t('choices_open')}</legend>
        <MediaRadios value={settings.media} onChange={(media) => onChange({ media })} />
      </fieldset>
      <div class="options">
        <label>
          {t('choices_from')}{' '}
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
