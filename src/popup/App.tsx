import { useState } from 'preact/hooks';
import { hasOffscreenDocuments } from '../platform/browserApi';
import { CaptureFrame } from './components/capture-frame';
import { Choices } from './components/choices';
import { MoodPicker } from './components/mood-picker';
import { ResultPanel } from './components/result-panel';
import { SnapshotMoment } from './components/snapshot-moment';
import { canPickMoodInstead, isSnapshotMoment, statusText } from './state';
import { usePopup } from './usePopup';

/** autoCapture: the popup was opened to capture at once (Firefox's keyboard shortcut). */
export function App({ autoCapture = false }: { autoCapture?: boolean }) {
  // Where there are no offscreen documents (Firefox), this popup hosts its own capture page.
  const [capturePage] = useState(() => (hasOffscreenDocuments() ? undefined : crypto.randomUUID()));
  const { state, changeSettings, capture, pickMood } = usePopup({ autoCapture, capturePage });
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
      {canPickMoodInstead(state) && (
        <MoodPicker legend="Or pick your mood" onPick={(mood) => void pickMood(mood)} />
      )}
      {capturePage && <CaptureFrame id={capturePage} />}
    </main>
  );
}
