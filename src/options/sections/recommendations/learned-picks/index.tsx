import { useState } from 'preact/hooks';
import { ratingTotals, type BanditState } from '../../../../shared/bandit';
import { STRINGS as SECTION } from '../strings';
import { STRINGS } from './strings';

/** How many ratings the bandit learned from, and a reset that forgets them. */
export function LearnedPicks({ state, onReset }: { state: BanditState; onReset(): Promise<void> }) {
  const [status, setStatus] = useState('');
  const { good, bad } = ratingTotals(state);

  async function reset() {
    try {
      await onReset();
      setStatus(STRINGS.done);
    } catch (error) {
      setStatus(SECTION.saveFailed((error as Error).message));
    }
  }

  return (
    <section class="learned-picks" aria-labelledby="learned-picks-heading">
      <h3 id="learned-picks-heading">{STRINGS.heading}</h3>
      <p class="note">{good + bad ? STRINGS.totals(good, bad) : STRINGS.none}</p>
      <button type="button" onClick={() => void reset()} disabled={good + bad === 0}>
        {STRINGS.reset}
      </button>
      <p class="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
