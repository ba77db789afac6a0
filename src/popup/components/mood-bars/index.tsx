import { MOODS, type MoodProbabilities } from '../../../shared/moods';
import { capitalise } from '../../format';

/** All five probabilities as meters, in the classifier's order. */
export function MoodBars({ probabilities }: { probabilities: MoodProbabilities }) {
  return (
    <ul class="bars">
      {MOODS.map((mood) => {
        const percent = Math.round(probabilities[mood] * 100);
        return (
          <li key={mood}>
            <span class="bar-label">{capitalise(mood)}</span>
            <span
              class="bar"
              role="meter"
              aria-label={capitalise(mood)}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
            >
              <span class="fill" style={{ width: `${percent}%` }} />
            </span>
            <span class="bar-value">{percent}%</span>
          </li>
        );
      })}
    </ul>
  );
}
