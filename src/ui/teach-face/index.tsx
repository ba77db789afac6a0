import { useState } from 'preact/hooks';
import { MOOD_LABEL } from '../../common/labels';
import { errorMessageKey, toErrorInfo } from '../../common/errors';
import { MOODS, type Mood } from '../../model/moods';
import { hasOffscreenDocuments, holdCapturePort, sendRequest } from '../../platform/browserApi';
import { t } from '../../platform/i18n';
import type { TeachOutcome } from '../../protocol/messages';
import { CaptureFrame } from '../capture-frame';

type Step =
  | { kind: 'intro' }
  | { kind: 'prompt'; index: number; last?: TeachOutcome; problem?: string }
  | { kind: 'reading'; index: number }
  | { kind: 'done'; last?: TeachOutcome };

const moodWord = (mood: Mood) => t(MOOD_LABEL[mood]);
const afterPrompt = (index: number, last?: TeachOutcome): Step =>
  index + 1 < MOODS.length ? { kind: 'prompt', index: index + 1, last } : { kind: 'done', last };

/** "Sad: the camera read calm." What the last prompt's reading was, so the user sees it was kept. */
function LastReading({ last }: { last?: TeachOutcome }) {
  if (!last) return null;
  return <p class="muted">{t('teach_readAs', moodWord(last.mood), moodWord(last.read))}</p>;
}

/**
 * "Teach Moodtab your face" (opt-in): the user makes each of the five expressions once on a
 * prompt; the background keeps only the camera's five probabilities per prompt (never an image)
 * as examples of the personal calibration. On Firefox the camera runs in this page's own capture
 * frame, created only once the session starts (it loads the models).
 */
export function TeachFace({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const [step, setStep] = useState<Step>({ kind: 'intro' });
  const [capturePage] = useState(() => (hasOffscreenDocuments() ? undefined : crypto.randomUUID()));
  const addressed = capturePage ? { capturePage } : {};

  async function teach(index: number) {
    setStep({ kind: 'reading', index });
    // Closing this page closes the port: the background stops the read and keeps nothing.
    const cancelWith = crypto.randomUUID();
    const release = holdCapturePort(cancelWith);
    try {
      const outcome = await sendRequest(
        { target: 'background', type: 'teach-mood', mood: MOODS[index]!, cancelWith, ...addressed },
        { waitForReceiverMs: 10_000 },
      );
      setStep(afterPrompt(index, outcome));
    } catch (error) {
      setStep({ kind: 'prompt', index, problem: t(errorMessageKey(toErrorInfo(error).code)) });
    } finally {
      release();
    }
  }

  function start() {
    sendRequest({ target: 'background', type: 'warm-up', ...addressed }).catch(() => undefined);
    setStep({ kind: 'prompt', index: 0 });
  }

  return (
    <section class="teach-face" aria-labelledby="teach-face-heading">
      <Heading id="teach-face-heading">{t('teach_title')}</Heading>
      {capturePage && step.kind !== 'intro' && <CaptureFrame id={capturePage} />}
      <TeachStep step={step} onStart={start} onTeach={(index) => void teach(index)} onSkip={setStep} />
    </section>
  );
}

interface TeachStepProps {
  step: Step;
  onStart(): void;
  onTeach(index: number): void;
  onSkip(next: Step): void;
}

function TeachStep({ step, onStart, onTeach, onSkip }: TeachStepProps) {
  if (step.kind === 'intro' || step.kind === 'done') {
    return (
      <>
        {step.kind === 'done' && <LastReading last={step.last} />}
        <p class={step.kind === 'done' ? 'teach-done' : 'muted'}>
          {t(step.kind === 'done' ? 'teach_done' : 'teach_intro')}
        </p>
        <button type="button" class="secondary" onClick={onStart}>
          {t(step.kind === 'done' ? 'teach_again' : 'teach_start')}
        </button>
      </>
    );
  }
  const mood = MOODS[step.index]!;
  const reading = step.kind === 'reading';
  return (
    <>
      {step.kind === 'prompt' && <LastReading last={step.last} />}
      <p class="teach-prompt">{t('teach_prompt', step.index + 1, MOODS.length, moodWord(mood))}</p>
      <p class="muted" role="status">
        {reading ? t('teach_hold') : (step.problem ?? '')}
      </p>
      <p class="choices">
        <button type="button" class="primary" disabled={reading} onClick={() => onTeach(step.index)}>
          {t('teach_ready')}
        </button>{' '}
        <button
          type="button"
          class="secondary"
          disabled={reading}
          onClick={() => onSkip(afterPrompt(step.index))}
        >
          {t('teach_skip')}
        </button>
      </p>
    </>
  );
}
