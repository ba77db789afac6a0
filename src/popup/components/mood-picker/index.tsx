import { MOODS, type Mood } from '../../../shared/moods';
import { capitalise } from '../../format';

/** Lets the user correct a wrong reading; the tab for the picked mood opens. */
export function MoodPicker({ onPick }: { onPick(mood: Mood): void }) {
  return (
    <fieldset class="correct">
      <legend>Not right? Pick your mood</legend>
      {MOODS.map((mood) => (
        <button key={mood} type="button" onClick={() => onPick(mood)}>
          {capitalise(mood)}
        </button>
      ))}
    </fieldset>
  );
}
