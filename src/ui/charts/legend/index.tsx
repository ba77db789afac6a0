import { t } from '../../../platform/i18n';
import { MOODS } from '../../../model/moods';
import { MOOD_LABEL } from '../../../common/labels';

/** Which colour is which mood (for sighted users; the tables name the moods for screen readers). */
export function Legend() {
  return (
    <ul class="legend" aria-hidden="true">
      {MOODS.map((mood) => (
        <li key={mood}>
          <span class={`swatch mood-${mood}`} />
          {t(MOOD_LABEL[mood])}
        </li>
      ))}
    </ul>
  );
}
