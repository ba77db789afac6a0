import { MOODS, type Mood } from '../../../shared/moods';
import { capitalise } from '../../format';

interface MoodPickerProps {
  legend?: string;
  onPick(mood: Mood): void;
}

/** Lets the user correct a wrong reading, or pick when none was possible; the tab for the mood opens. */
export function MoodPicker({ legend = 'Not right? Pick your mood', onPick }: MoodPickerProps) {
  return (
    <fieldset class="correct">
      <legend>{legend}</legend>
      {MOODS.map((mood) => (
        <button key={mood} type="button" onClick={() => onPick(mood)}>
          {capitalise(mood)}
        </button>
      ))}
    </fieldset>
  );
}
