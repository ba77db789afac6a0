import { useState } from 'preact/hooks';
import { MOODS } from '../../../../shared/moods';
import {
  adjustmentFactors,
  adjustmentSummary,
  type OutcomeCounts,
} from '../../../../shared/personalCalibration';
import { STRINGS as SECTION } from '../strings';
import { STRINGS } from './strings';

/** "Adjusted to you: sad +12%": what the corrections changed, why, and a reset. */
export function PersonalCalibration({
  counts,
  onReset,
}: {
  counts: OutcomeCounts;
  onReset(): Promise<void>;
}) {
  const [status, setStatus] = useState('');
  const changes = adjustmentSummary(adjustmentFactors(counts));
  const captures = MOODS.reduce(
    (sum, camera) => sum + MOODS.reduce((n, ended) => n + counts[camera][ended], 0),
    0,
  );

  async function reset() {
    try {
      await onReset();
      setStatus(STRINGS.done);
    } catch (error) {
      setStatus(SECTION.saveFailed((error as Error).message));
    }
  }

  return (
    <section class="personal-calibration" aria-labelledby="personal-calibration-heading">
      <h3 id="personal-calibration-heading">{STRINGS.heading}</h3>
      {changes.length ? (
        <>
          <p class="adjustment">{STRINGS.adjusted(changes)}</p>
          <p class="note">{STRINGS.why(captures)}</p>
        </>
      ) : (
        <p class="note">{STRINGS.notYet}</p>
      )}
      <button type="button" onClick={() => void reset()} disabled={captures === 0}>
        {STRINGS.reset}
      </button>
      <p class="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
