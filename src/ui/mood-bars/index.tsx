import { t } from '../../platform/i18n';
import { MOODS, type MoodProbabilities } from '../../model/moods';
import { MOOD_LABEL } from '../../common/labels';

/** All five probabilities as meters, in the classifier's order, each in its mood's colour. */
export function MoodBars({ probabilities }: { probabilities: MoodProbabilities }) {
  return (
    <ul class="bars">
      {MOODS.map((mood) => {
        const percent = Math.round(probabilities[mood] * 100);
        const name = t(MOOD_LABEL[mood]);
        return (
          <li key={mood} data-mood={mood}>
            <span class="bar-label">{name}</span>
            <span
              class="bar"
              role="meter"
              aria-label={name}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
            >
              <span class="fill" style={{ width: `${percent}%` }} />
            </span>
            <span class="bar-value">{t('percent', percent)}</span>
          </li>
        );
      })}
    </ul>
  );
}
