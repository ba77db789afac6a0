import { useEffect, useRef } from 'preact/hooks';
import { MOOD_LABEL } from '../../common/labels';
import type { Mood } from '../../model/moods';
import { FaceCrop } from '../../ui/face-crop';
import { Feedback } from '../../ui/feedback';
import { MoodBars } from '../../ui/mood-bars';
import { UnsureChoice, unsureQuestion } from '../../ui/unsure-choice';
import type { Verdict } from '../../recommendation/bandit';
import { t } from '../i18n';
import type { WebState } from '../state';
import { OpenLink } from './OpenLink';

interface ResultProps {
  state: WebState;
  onPickMood(mood: Mood): void;
  onFeedback(verdict: Verdict): void;
}

function heading({ pick, chosen, unsure }: WebState): string {
  if (chosen) return t('result_youChose', t(MOOD_LABEL[chosen]));
  if (!pick && unsure) return unsureQuestion(unsure);
  return pick ? t(MOOD_LABEL[pick.mood]) : '';
}

/** The reading (face and bars), the question when it is unsure, and the link to what was picked. */
export function Result({ state, onPickMood, onFeedback }: ResultProps) {
  const { reading, fromPhoto, pick, chosen, unsure, verdict } = state;
  const section = useRef<HTMLElement>(null);
  // A photo is read below the result, out of sight on a phone: bring the result into view.
  useEffect(() => {
    if (fromPhoto && reading) section.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [reading]);
  return (
    <section ref={section} class="result" aria-label={t('result_label')}>
      <h2>{heading(state)}</h2>
      {!pick && unsure && <UnsureChoice moods={unsure} onPick={onPickMood} />}
      {reading && (
        <>
          {reading.faces > 1 && !fromPhoto && <p class="note">{t('result_manyFaces', reading.faces)}</p>}
          {chosen && <p class="camera-reading">{t('result_cameraRead', t(MOOD_LABEL[reading.mood]))}</p>}
          <div class={chosen ? 'reading superseded' : 'reading'}>
            <FaceCrop crop={reading.face.crop} />
            <MoodBars probabilities={reading.probabilities} />
          </div>
        </>
      )}
      {pick && (
        <>
          <OpenLink pick={pick} />
          <Feedback verdict={verdict} onGive={onFeedback} />
        </>
      )}
    </section>
  );
}
