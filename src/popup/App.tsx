import { Choices } from './components/choices';
import { MoodPicker } from './components/mood-picker';
import { ResultPanel } from './components/result-panel';
import { SnapshotMoment } from './components/snapshot-moment';
import { isSnapshotMoment, statusText } from './state';
import { usePopup } from './usePopup';

export function App() {
  const { state, changeSettings, capture, pickMood, giveFeedback } = usePopup();
  const working = state.phase === 'working';
  return (
    <main>
      <h1>Moodtab</h1>
      {state.phase !== 'loading' && (
        <>
          <Choices
            settings={state.settings}
            catalogue={state.catalogue}
            disabled={working}
            onChange={changeSettings}
          />
          <button
            class="capture"
            type="button"
            onClick={() => void capture()}
            disabled={working}
            aria-busy={working}
          >
            Capture mood
          </button>
          <MoodPicker
            chosen={state.chosen}
            afterCapture={!!state.outcome}
            disabled={working}
            onPick={(mood) => void pickMood(mood)}
          />
        </>
      )}
      <p class={`status ${state.phase}`} role="status" aria-live="polite">
        {statusText(state)}
      </p>
      {isSnapshotMoment(state) && <SnapshotMoment secondsLeft={state.secondsLeft} />}
      {(state.outcome || state.pick) && (
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
    </main>
  );
}
