import { t } from '../../platform/i18n';
import { MOOD_LABEL } from '../../common/labels';
import { MOODS, type Mood } from '../../model/moods';

interface MoodPickerProps {
  /** The mood picked by hand, shown pressed. */
  chosen?: Mood;
  /** A capture's result is shown: the picker then corrects it. */
  afterCapture: boolean;
  disabled: boolean;
  onPick(mood: Mood): void;
}

/**
 * The five moods, always one click away: no camera needed, also after any error. A pick opens its
 * tab behind the popup, as a capture does. Each mood in its colour, as the bars and charts draw it.
 */
export function MoodPicker({ chosen, afterCapture, disabled, onPick }: MoodPickerProps) {
  return (
    <fieldset class="mood-picker" disabled={disabled}>
      <legend>{afterCapture ? t('picker_notRight') : t('picker_pick')}</legend>
      {MOODS.map((mood) => (
        <button
          key={mood}
          type="button"
          class="mood-chip"
          data-mood={mood}
          aria-pressed={chosen === mood}
          onClick={() => onPick(mood)}
        >
          {t(MOOD_LABEL[mood])}
        </button>
      ))}
    </fieldset>
  );
}
