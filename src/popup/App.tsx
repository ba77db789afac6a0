import { useState } from 'preact/hooks';
import { hasOffscreenDocuments, openOptionsPage } from '../platform/browserApi';
import { t } from '../platform/i18n';
import { CameraHelp } from '../ui/camera-help';
import { JournalOptIn } from '../ui/journal-opt-in';
import { CaptureFrame } from '../ui/capture-frame';
import { Logo } from '../ui/logo';
import { Choices } from './components/choices';
import { JournalNote } from './components/journal-note';
import { MoodPicker } from '../ui/mood-picker';
import { PatternsNote } from './components/patterns-note';
import { ResultPanel } from './components/result-panel';
import { SnapshotMoment } from './components/snapshot-moment';
import { isAsking, isCameraBlocked, isSnapshotMoment, statusText, type PopupState } from './state';
import { usePopup, type Popup } from './usePopup';

/** "Capture mood" and the mood picker; the picker steps aside while the popup asks "Calm or sad?". */
function CaptureControls({ popup }: { popup: Popup }) {
  const { state, capture, pickMood } = popup;
  const working = state.phase === 'working';
  return (
    <>
      <button
        class="capture primary"
        type="button"
        onClick={() => void capture()}
        disabled={working}
        aria-busy={working}
      >
        {t('popup_capture')}
      </button>
      {!isAsking(state) && (
        <MoodPicker
          chosen={state.chosen}
          afterCapture={!!state.outcome}
          disabled={working}
          onPick={(mood) => void pickMood(mood)}
        />
      )}
    </>
  );
}

/**
 * The status line is what screen readers hear at each step. On screen it gives way where the page
 * already shows the same words: the result's heading, the countdown banner, or the heading of the
 * steps to unblock the camera.
 */
const statusShownOnScreen = (state: PopupState): boolean =>
  state.phase !== 'done' && !isSnapshotMoment(state) && !isCameraBlocked(state);

function Header() {
  return (
    <header>
      <h1>
        <Logo size={24} />
        {t('extName')}
      </h1>
      <button type="button" class="link" onClick={() => void openOptionsPage().catch(() => undefined)}>
        {t('popup_openOptions')}
      </button>
    </header>
  );
}

/** autoCapture: the popup was opened to capture at once (Firefox's keyboard shortcut). */
export function App({ autoCapture = false }: { autoCapture?: boolean }) {
  // Where there are no offscreen documents (Firefox), this popup hosts its own capture page.
  const [capturePage] = useState(() => (hasOffscreenDocuments() ? undefined : crypto.randomUUID()));
  const popup = usePopup({ autoCapture, capturePage });
  const { state, journalPrefs, pickMood, giveFeedback, answerJournal, changeSettings } = popup;
  // A failed request after a result (feedback, a pick) leaves the result on screen under its message.
  const showResult = !!(state.outcome || state.pick);
  const ready = state.phase !== 'loading';
  return (
    <main>
      <Header />
      <PatternsNote hidden={state.phase !== 'idle' || showResult} />
      {ready && <CaptureControls popup={popup} />}
      <p
        class={`status ${state.phase}${statusShownOnScreen(state) ? '' : ' visually-hidden'}`}
        role="status"
        aria-live="polite"
      >
        {statusText(state)}
      </p>
      {state.phase === 'error' && state.error?.code === 'camera-permission-denied' && <CameraHelp compact />}
      {isSnapshotMoment(state) && <SnapshotMoment secondsLeft={state.secondsLeft} preview={state.preview} />}
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
        <JournalOptIn compact onAnswer={(keep) => void answerJournal(keep)} />
      )}
      {showResult && state.journal && <JournalNote journal={state.journal} />}
      {ready && (
        <Choices
          settings={state.settings}
          catalogue={state.catalogue}
          disabled={state.phase === 'working'}
          onChange={changeSettings}
        />
      )}
      {capturePage && <CaptureFrame id={capturePage} />}
    </main>
  );
}
