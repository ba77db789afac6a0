import { t } from '../../../platform/i18n';
import { MEDIA_LABEL } from '../../../common/labels';
import { ANY_PROVIDER, providersFor, type Catalogue } from '../../../recommendation/catalogue';
import { shownProviderChoice, type Settings } from '../../../recommendation/settings';
import { ChoiceFields } from '../../../ui/choice-controls';

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
export function Choices(props: ChoicesProps) {
  const { settings, catalogue } = props;
  return (
    <details class="choices">
      <summary>
        <span class="choices-label">{t('popup_choicesLabel')}</span>{' '}
        <span class="choices-summary">{summaryOf(settings, catalogue)}</span>
      </summary>
      <ChoiceFields {...props} segmented />
    </details>
  );
}
