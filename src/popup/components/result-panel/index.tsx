import { t } from '../../../platform/i18n';
import type { CaptureOutcome, PickOutcome } from '../../../shared/messages';
import type { Mood } from '../../../shared/moods';
import { MOOD_LABEL } from '../../../ui/labels';
import { FaceCrop } from '../face-crop';
import { MoodBars } from '../mood-bars';
import { MoodPicker } from '../mood-picker';

interface ResultPanelProps {
  outcome: CaptureOutcome;
  /** The tab opened for a mood picked by hand, which replaces the one the capture opened. */
  corrected?: PickOutcome;
  onPickMood(mood: Mood): void;
}

export function ResultPanel({ outcome, corrected, onPickMood }: ResultPanelProps) {
  const { result } = outcome;
  const shown = corrected ?? outcome.recommendation;
  return (
    <section aria-label={t('result_label')}>
      <h2>{t(MOOD_LABEL[shown.mood])}</h2>
      {outcome.cameraReleased && <p class="note">{t('result_cameraOff')}</p>}
      {result.faces > 1 && <p class="note">{t('result_manyFaces', result.faces)}</p>}
      <div class="reading">
        <FaceCrop crop={result.face.crop} />
        <MoodBars probabilities={result.probabilities} />
      </div>
      <p class="opened">
        {t('result_opened')}{' '}
        <a href={shown.url} target="_blank" rel="noreferrer">
          {t('result_link', shown.provider.name, shown.query)}
        </a>
      </p>
      <MoodPicker onPick={onPickMood} />
    </section>
  );
}
