import { t } from '../../../platform/i18n';
import type { Verdict } from '../../../recommendation/bandit';
import { MOOD_LABEL } from '../../../common/labels';
import type { CaptureOutcome } from '../../../protocol/messages';
import type { Mood } from '../../../model/moods';
import type { Pick } from '../../../recommendation/picks';
import { FaceCrop } from '../../../ui/face-crop';
import { Feedback } from '../../../ui/feedback';
import { MoodBars } from '../../../ui/mood-bars';
import { Previews } from '../previews';
import { UnsureChoice, unsureQuestion } from '../../../ui/unsure-choice';

interface ResultPanelProps {
  /** The capture's reading, if the result came from one. */
  outcome?: CaptureOutcome;
  /** The tab that opened (by the capture or a hand pick); absent while the popup asks. */
  pick?: Pick;
  /** The mood picked by hand: it replaces the capture's, whose bars stay as the camera's reading. */
  chosen?: Mood;
  verdict?: Verdict;
  /** The user opted in to Deezer previews. */
  previews: boolean;
  onPickMood(mood: Mood): void;
  onFeedback(verdict: Verdict): void;
}

export function ResultPanel({
  outcome,
  pick,
  chosen,
  verdict,
  previews,
  onPickMood,
  onFeedback,
}: ResultPanelProps) {
  const asking = !pick ? outcome?.unsure : undefined;
  const shown = pick?.mood ?? outcome?.adjusted.mood;
  const heading = chosen
    ? t('result_youChose', t(MOOD_LABEL[chosen]))
    : asking
      ? unsureQuestion(asking)
      : shown
        ? t(MOOD_LABEL[shown])
        : '';
  return (
    <section aria-label={t('result_label')}>
      <h2>{heading}</h2>
      {asking && <UnsureChoice moods={asking} onPick={onPickMood} />}
      {outcome && (
        <>
          {outcome.cameraReleased && <p class="note">{t('result_cameraOff')}</p>}
          {outcome.result.faces > 1 && <p class="note">{t('result_manyFaces', outcome.result.faces)}</p>}
          {chosen && (
            <p class="camera-reading">{t('result_cameraRead', t(MOOD_LABEL[outcome.adjusted.mood]))}</p>
          )}
          <div class={chosen ? 'reading superseded' : 'reading'}>
            <FaceCrop crop={outcome.result.face.crop} />
            <MoodBars probabilities={outcome.adjusted.probabilities} />
          </div>
          {outcome.adjusted.changed && <p class="note">{t('result_adjusted')}</p>}
        </>
      )}
      {pick && (
        <>
          <p class="opened">
            {t('result_opened')}{' '}
            <a href={pick.url} target="_blank" rel="noreferrer">
              {t('result_link', pick.provider.name, pick.query)}
            </a>
          </p>
          <Feedback verdict={verdict} onGive={onFeedback} />
          {previews && pick.media === 'music' && <Previews query={pick.query} />}
        </>
      )}
    </section>
  );
}
