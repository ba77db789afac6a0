import type { Verdict } from '../../../shared/bandit';
import type { CaptureOutcome } from '../../../shared/messages';
import type { Mood } from '../../../shared/moods';
import type { Pick } from '../../../shared/picks';
import { capitalise } from '../../format';
import { FaceCrop } from '../face-crop';
import { Feedback } from '../feedback';
import { MoodBars } from '../mood-bars';
import { Previews } from '../previews';
import { UnsureChoice } from '../unsure-choice';
import { STRINGS as UNSURE } from '../unsure-choice/strings';
import { STRINGS } from './strings';

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
  const heading = chosen
    ? STRINGS.chose(chosen)
    : asking
      ? UNSURE.question(...asking)
      : capitalise(pick?.mood ?? outcome?.adjusted.mood ?? '');
  return (
    <section aria-label={STRINGS.region}>
      <h2>{heading}</h2>
      {asking && <UnsureChoice moods={asking} onPick={onPickMood} />}
      {outcome && (
        <>
          {outcome.cameraReleased && <p class="note">{STRINGS.cameraOff}</p>}
          {outcome.result.faces > 1 && <p class="note">{STRINGS.faces(outcome.result.faces)}</p>}
          {chosen && <p class="camera-reading">{STRINGS.cameraRead(outcome.adjusted.mood)}</p>}
          <div class={chosen ? 'reading superseded' : 'reading'}>
            <FaceCrop crop={outcome.result.face.crop} />
            <MoodBars probabilities={outcome.adjusted.probabilities} />
          </div>
          {outcome.adjusted.changed && <p class="note">{STRINGS.adjusted}</p>}
        </>
      )}
      {pick && (
        <>
          <p class="opened">
            {STRINGS.opened}{' '}
            <a href={pick.url} target="_blank" rel="noreferrer">{`${pick.provider.name}: ${pick.query}`}</a>
          </p>
          <Feedback verdict={verdict} onGive={onFeedback} />
          {previews && pick.media === 'music' && <Previews query={pick.query} />}
        </>
      )}
    </section>
  );
}
