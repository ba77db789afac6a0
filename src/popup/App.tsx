import { Choices } from './components/choices';
import { ResultPanel } from './components/result-panel';
import { SnapshotMoment } from './components/snapshot-moment';
import { isSnapshotMoment, statusText } from './state';
import { usePopup } from './usePopup';

export function App() {
  const { state, changeSettings, capture, pickMood } = usePopup();
  const working = state.phase === 'working';
  return (
    <main>
      <h1>Moodtab</h1>
      {state.phase !== 'loading' && (
        <>
          <Choices settings={state.settings} disabled={working} onChange={changeSettings} />
          <button
            class="capture"
            type="button"
            onClick={() => void capture()}
            disabled={working}
            aria-busy={working}
          >
            Capture mood
          </button>
        </>
      )}
      <p class={`status ${state.phase}`} role="status" aria-live="polite">
        {statusText(state)}
      </p>
      {isSnapshotMoment(state) && <SnapshotMoment secondsLeft={state.secondsLeft} />}
      {state.outcome && (
        <ResultPanel
          outcome={state.outcome}
          corrected={state.corrected}
          onPickMood={(mood) => void pickMood(mood)}
        />
      )}
    </main>
  );
}
