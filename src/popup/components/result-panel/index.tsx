import { showTab } from '../../../platform/browserApi';
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

function headingOf({ outcome, pick, chosen }: ResultPanelProps): string {
  const asking = !pick ? outcome?.unsure : undefined;
  const shown = pick?.mood ?? outcome?.adjusted.mood;
  if (chosen) return t('result_youChose', t(MOOD_LABEL[chosen]));
  if (asking) return unsureQuestion(asking);
  return shown ? t(MOOD_LABEL[shown]) : '';
}

/** What else is worth knowing about the reading, in one paragraph: the popup has little height to spare. */
function ReadingNotes({ outcome }: { outcome: CaptureOutcome }) {
  const notes = [
    outcome.cameraReleased && t('result_cameraOff'),
    outcome.result.faces > 1 && t('result_manyFaces', outcome.result.faces),
    outcome.adjusted.changed && t('result_adjusted'),
  ].filter((note): note is string => !!note);
  return notes.length ? <p class="note">{notes.join(' ')}</p> : null;
}

/** The camera's reading: the face and the five bars, greyed where the user picked another mood. */
function Reading({ outcome, chosen }: { outcome: CaptureOutcome; chosen?: Mood }) {
  // Choosing the mood the camera read too (an unsure reading's answer) overrules nothing.
  const overruled = !!chosen && chosen !== outcome.adjusted.mood;
  return (
    <>
      {overruled && (
        <p class="camera-reading">{t('result_cameraRead', t(MOOD_LABEL[outcome.adjusted.mood]))}</p>
      )}
      <div class={overruled ? 'reading superseded' : 'reading'}>
        <FaceCrop crop={outcome.result.face.crop} />
        <MoodBars probabilities={outcome.adjusted.probabilities} />
      </div>
      <ReadingNotes outcome={outcome} />
    </>
  );
}

/** Where the pick opened: the link goes to that tab (behind the popup) rather than opening another. */
function Opened({ pick }: { pick: Pick }) {
  const { tabId } = pick;
  const goToTab = (event: MouseEvent) => {
    if (tabId === undefined) return;
    event.preventDefault();
    // Closed since: the link's own address opens it again.
    showTab(tabId).catch(() => window.open(pick.url, '_blank', 'noreferrer'));
  };
  return (
    <p class="opened">
      {t('result_openedBehind')}{' '}
      <a href={pick.url} target="_blank" rel="noreferrer" onClick={goToTab}>
        {t('result_link', pick.provider.name, pick.query)}
      </a>
    </p>
  );
}

export function ResultPanel(props: ResultPanelProps) {
  const { outcome, pick, verdict, previews, onPickMood, onFeedback } = props;
  const asking = !pick ? outcome?.unsure : undefined;
  const shown = props.chosen ?? pick?.mood ?? (asking ? undefined : outcome?.adjusted.mood);
  return (
    <section class="result" aria-label={t('result_label')}>
      <h2 data-mood={shown} class={shown ? 'mood-heading' : undefined}>
        {headingOf(props)}
      </h2>
      {asking && <UnsureChoice moods={asking} onPick={onPickMood} />}
      {outcome && <Reading outcome={outcome} chosen={props.chosen} />}
      {pick && (
        <>
          <Opened pick={pick} />
          <Feedback verdict={verdict} onGive={onFeedback} />
          {previews && pick.media === 'music' && <Previews query={pick.query} />}
        </>
      )}
    </section>
  );
}
