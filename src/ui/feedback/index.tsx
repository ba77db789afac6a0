import { t } from '../../platform/i18n';
import { VERDICTS, type Verdict } from '../../recommendation/bandit';
import type { MessageKey } from '../../common/i18n';
import { FEEDBACK_LABEL } from '../../common/labels';

const THANKS: Record<Verdict, MessageKey> = {
  'good-pick': 'feedback_thanksGood',
  'not-for-me': 'feedback_thanksNotForMe',
};

/** "Good pick" / "Not for me" on the opened tab; the bandit learns from it, on the device. */
export function Feedback({ verdict, onGive }: { verdict?: Verdict; onGive(verdict: Verdict): void }) {
  return (
    <div class="feedback" role="group" aria-label={t('feedback_group')}>
      {VERDICTS.map((option) => (
        <button key={option} type="button" aria-pressed={verdict === option} onClick={() => onGive(option)}>
          {t(FEEDBACK_LABEL[option])}
        </button>
      ))}
      <p class="note" aria-live="polite">
        {verdict ? t(THANKS[verdict]) : ''}
      </p>
    </div>
  );
}
