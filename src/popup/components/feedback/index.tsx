import { VERDICTS, type Verdict } from '../../../shared/bandit';
import { STRINGS } from './strings';

/** "Good pick" / "Not for me" on the opened tab; the bandit learns from it, on the device. */
export function Feedback({ verdict, onGive }: { verdict?: Verdict; onGive(verdict: Verdict): void }) {
  return (
    <div class="feedback" role="group" aria-label={STRINGS.group}>
      {VERDICTS.map((option) => (
        <button key={option} type="button" aria-pressed={verdict === option} onClick={() => onGive(option)}>
          {STRINGS.verdicts[option]}
        </button>
      ))}
      <p class="note" aria-live="polite">
        {verdict ? STRINGS.thanks[verdict] : ''}
      </p>
    </div>
  );
}
