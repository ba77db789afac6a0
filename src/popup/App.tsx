import { useState } from 'preact/hooks';
import { hasOffscreenDocuments, openOptionsPage } from '../platform/browserApi';
import { t } from '../platform/i18n';
import { CameraHelp } from '../ui/camera-help';
import { JournalOptIn } from '../ui/journal-opt-in';
import { CaptureFrame } from './components/capture-frame';
import { Choices } from './components/choices';
import { JournalNote } from './components/journal-note';
import { MoodPicker } from '../ui/mood-picker';
import { ResultPanel } from './components/result-panel';
import { SnapshotMoment } from './components/snapshot-moment';
import { isSnapshotMoment, statusText } from './state';
import { usePopup, type Popup } from './usePopup';

/** What the user chooses and presses: the choices, "Capture mood", and the mood picker. */
function CaptureControls({ popup }: { popup: Popup }) {
  const { state, changeSettings, capture, pickMood } = popup;
  const working = state.phase === 'working';
  return (
    <>
      <Choices
        settings={state.settings}
        catalogue={state.catalogue}
        disabled={working}
        onChange={changeSettings}
      />
      <button
        class="capture primary"
        type="button"
        onClick={() => void capture()}
        disabled={working}
        aria-busy={working}
      >
        {t('popup_capture')}
      </button>
      <MoodPicker
        chosen={state.chosen}
        afterCapture={!!state.outcome}
        disabled={working}
        onPick={(mood) => void pickMood(mood)}
      />
    </>
  );
}

/** autoCapture: the popup was opened to capture at once (Firefox's keyboard shortcut). */
export function App({ autoCapture = false }: { autoCapture?: boolean }) {
  // Where there are no offscreen documents (Firefox), this popup hosts its own capture page.
  const [capturePage] = useState(() => (hasOffscreenDocuments() ? undefined : crypto.randomUUID()));
  const popup = usePopup({ autoCapture, capturePage });
  const { state, journalPrefs, pickMood, giveFeedback, answerJournal } = popup;
  // A failed request after a result (feedback, a pick) leaves the result on screen under its message.
  const showResult = !!(state.outcome || state.pick);
  return (
    <main>
      <header>
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={() => void openOptionsPage().catch(() => undefined)}>
          {t('popup_openOptions')}
        </button>
      </header>
      {state.phase !== 'loading' && <CaptureControls popup={popup} />}
      <p class={`status ${state.phase}`} role="status" aria-live="polite">
        {statusText(state)}
      </p>
      {state.phase === 'error' && state.error?.code === 'camera-permission-denied' && <CameraHelp />}
      {isSnapshotMoment(state) && <SnapshotMoment secondsLeft={state.secondsLeft} />}
      {showResult && (
        <ResultPanel
          outcome={state.outcome}
          pick={state.pick}
          chosen={state.chosen}
          verdict={state.verdict}
          previews={state.previews}
          onPickMood={(mood) => void pickMood(mood)}
          onFeedback={(verdict) => void giveFeedback(verdict)}
        />
      )}
      {showResult && journalPrefs && !journalPrefs.asked && (
        <JournalOptIn headingLevel={2} onAnswer={(keep) => void answerJournal(keep)} />
      )}
      {showResult && state.journal && <JournalNote journal={state.journal} />}
      {capturePage && <CaptureFrame id={capturePage} />}
    </main>
  );
}
