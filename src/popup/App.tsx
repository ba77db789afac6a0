import { openOptionsPage } from '../platform/browserApi';
import { t } from '../platform/i18n';
import { CameraHelp } from '../ui/camera-help';
import { JournalOptIn } from '../ui/journal-opt-in';
import { Choices } from './components/choices';
import { JournalNote } from './components/journal-note';
import { ResultPanel } from './components/result-panel';
import { SnapshotMoment } from './components/snapshot-moment';
import { isSnapshotMoment, statusText } from './state';
import { usePopup } from './usePopup';

export function App() {
  const { state, journalPrefs, changeSettings, capture, pickMood, answerJournal } = usePopup();
  const working = state.phase === 'working';
  const showResult = state.phase === 'done' && state.outcome;
  return (
    <main>
      <header>
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={() => void openOptionsPage().catch(() => undefined)}>
          {t('popup_openOptions')}
        </button>
      </header>
      {state.phase !== 'loading' && (
        <>
          <Choices settings={state.settings} disabled={working} onChange={changeSettings} />
          <button
            class="capture primary"
            type="button"
            onClick={() => void capture()}
            disabled={working}
            aria-busy={working}
          >
            {t('popup_capture')}
          </button>
        </>
      )}
      <p class={`status ${state.phase}`} role="status" aria-live="polite">
        {statusText(state)}
      </p>
      {state.phase === 'error' && state.error?.code === 'camera-permission-denied' && <CameraHelp />}
      {isSnapshotMoment(state) && <SnapshotMoment secondsLeft={state.secondsLeft} />}
      {showResult && state.outcome && (
        <ResultPanel
          outcome={state.outcome}
          corrected={state.corrected}
          onPickMood={(mood) => void pickMood(mood)}
        />
      )}
      {showResult && journalPrefs && !journalPrefs.asked && (
        <JournalOptIn headingLevel={2} onAnswer={(keep) => void answerJournal(keep)} />
      )}
      {showResult && state.journal && <JournalNote journal={state.journal} />}
    </main>
  );
}
