import { useState } from 'preact/hooks';
import { t } from '../../../../platform/i18n';
import { MOOD_WORD } from '../../../../common/labels';
import {
  adjustmentSummary,
  calibrationOffsets,
  examplesCount,
  type PersonalCalibration as Calibration,
} from '../../../../recommendation/personalCalibration';
import { saveFailed } from '../saving';

/** +12 or −5 (a minus sign, not a hyphen), then the locale's percent format. */
const signedPercent = (percent: number) =>
  t('percent', percent > 0 ? `+${percent}` : `\u2212${Math.abs(percent)}`);

/** "Adjusted to you: sad +12%": what the corrections changed, why, and a reset. */
export function PersonalCalibration({
  calibration,
  onReset,
}: {
  calibration: Calibration;
  onReset(): Promise<void>;
}) {
  const [status, setStatus] = useState('');
  const changes = adjustmentSummary(calibrationOffsets(calibration));
  const captures = examplesCount(calibration);

  async function reset() {
    try {
      await onReset();
      setStatus(t('calibration_resetDone'));
    } catch (error) {
      setStatus(saveFailed(error));
    }
  }

  const list = changes.map(({ mood, percent }) => `${t(MOOD_WORD[mood])} ${signedPercent(percent)}`);
  return (
    <section class="personal-calibration" aria-labelledby="personal-calibration-heading">
      <h3 id="personal-calibration-heading">{t('calibration_title')}</h3>
      {changes.length ? (
        <>
          <p class="adjustment">{t('calibration_adjusted', list.join(', '))}</p>
          <p class="muted">{t('calibration_why', captures)}</p>
        </>
      ) : (
        <p class="muted">{t('calibration_notYet')}</p>
      )}
      <button type="button" class="secondary" onClick={() => void reset()} disabled={captures === 0}>
        {t('calibration_reset')}
      </button>
      <p class="status muted" role="status">
        {status}
      </p>
    </section>
  );
}
