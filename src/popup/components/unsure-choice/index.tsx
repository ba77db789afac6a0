import type { Mood } from '../../../shared/moods';
import { capitalise } from '../../format';
import { STRINGS } from './strings';

/** Asks between the two likeliest moods when the reading is too unsure to open a tab. */
export function UnsureChoice({ moods, onPick }: { moods: [Mood, Mood]; onPick(mood: Mood): void }) {
  return (
    <div class="unsure" role="group" aria-label={STRINGS.question(...moods)}>
      <p class="note">{STRINGS.why}</p>
      {moods.map((mood) => (
        <button key={mood} type="button" class="choice" onClick={() => onPick(mood)}>
          {capitalise(mood)}
        </button>
      ))}
    </div>
  );
}
