import { t } from '../../../platform/i18n';
import { MOODS, type Mood } from '../../../shared/moods';
import { MOOD_LABEL } from '../../../ui/labels';

/** Lets the user correct a wrong reading; the tab for the picked mood opens. */
export function MoodPicker({ onPick }: { onPick(mood: Mood): void }) {
  return (
    <fieldset class="correct">
      <legend>{t('picker_notRight')}</legend>
      {MOODS.map((mood) => (
        <button key={mood} type="button" onClick={() => onPick(mood)}>
          {t(MOOD_LABEL[mood])}
        </button>
      ))}
    </fieldset>
  );
}
