import { useState } from 'preact/hooks';
import { t } from '../../../../platform/i18n';
import { ratingTotals, type BanditState } from '../../../../recommendation/bandit';
import { saveFailed } from '../saving';

/** How many ratings the bandit learned from, and a reset that forgets them. */
export function LearnedPicks({ state, onReset }: { state: BanditState; onReset(): Promise<void> }) {
  const [status, setStatus] = useState('');
  const { good, bad } = ratingTotals(state);

  async function reset() {
    try {
      await onReset();
      setStatus(t('ratings_forgotten'));
    } catch (error) {
      setStatus(saveFailed(error));
    }
  }

  return (
    <section class="learned-picks" aria-labelledby="learned-picks-heading">
      <h3 id="learned-picks-heading">{t('ratings_title')}</h3>
      <p class="muted">{good + bad ? t('ratings_totals', good, bad) : t('ratings_none')}</p>
      <button type="button" class="secondary" onClick={() => void reset()} disabled={good + bad === 0}>
        {t('ratings_reset')}
      </button>
      <p class="status muted" role="status">
        {status}
      </p>
    </section>
  );
}
