import { t } from '../../../platform/i18n';
import { MEDIA_LABEL } from '../../../common/labels';
import { ANY_PROVIDER, providersFor, type Catalogue } from '../../../recommendation/catalogue';
import { shownProviderChoice, type Settings } from '../../../recommendation/settings';
import { CountdownToggle, MediaRadios, ProviderSelect, StrategySelect } from '../../../ui/choice-controls';

interface ChoicesProps {
  settings: Settings;
  /** The user's catalogue: their own providers are offered too. */
  catalogue: Catalogue;
  disabled: boolean;
  onChange(patch: Partial<Settings>): void;
}

/** "Music from Spotify": the folded choices' one line. */
function summaryOf(settings: Settings, catalogue: Catalogue): string {
  const { media } = settings;
  const chosen = shownProviderChoice(settings, media, catalogue);
  const provider =
    chosen === ANY_PROVIDER
      ? t('choices_anyShort')
      : (providersFor(media, catalogue).find(({ id }) => id === chosen)?.name ?? chosen);
  return t('popup_choicesSummary', t(MEDIA_LABEL[media]), provider);
}

/**
 * What to open (media, provider for that media, whether picks match or lift the mood) and whether
 * the snapshot waits for a countdown: folded under one line that says what opens, so the result
 * comes first.
 */
export function Choices({ settings, catalogue, disabled, onChange }: ChoicesProps) {
  return (
    <details class="choices">
      <summary>
        <span class="choices-label">{t('popup_choicesLabel')}</span>{' '}
        <span class="choices-summary">{summaryOf(settings, catalogue)}</span>
      </summary>
      <fieldset class="media" disabled={disabled}>
        <legend>{t('choices_open')}</legend>
        <div class="segmented">
          <MediaRadios value={settings.media} onChange={(media) => onChange({ media })} />
        </div>
      </fieldset>
      <div class="options">
        <label>
          <span>{t('choices_from')}</span>
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
    </details>
  );
}
