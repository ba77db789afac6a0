import { useMemo } from 'preact/hooks';
import { errorMessageKey } from '../common/errors';
import { MoodPicker } from '../ui/mood-picker';
import { ChoiceFields } from '../ui/choice-controls';
import { useJournalPrefs } from '../ui/hooks';
import { JournalOptIn } from '../ui/journal-opt-in';
import { PhotoReader } from '../ui/photo-reader';
import { JournalArea } from './components/JournalArea';
import { OfflineNote } from './components/OfflineNote';
import { inPagePhotos } from './engine';
import { Preview } from './components/Preview';
import { Result } from './components/Result';
import { t } from './i18n';
import { statusText } from './state';
import { useWebApp, type WebApp } from './useWebApp';

/** The choices, "Capture mood" and the mood picker: what the user sets and presses. */
function CaptureControls({ app }: { app: WebApp }) {
  const { state, changeSettings, capture, pickMood, camera } = app;
  const working = state.phase === 'working';
  return (
    <>
      {camera.twoCameras && (
        <label class="camera-switch">
          <input
            type="checkbox"
            checked={camera.facing === 'environment'}
            disabled={working}
            onChange={(event) => camera.chooseFacing(event.currentTarget.checked ? 'environment' : 'user')}
          />
          {t('web_backCamera')}
        </label>
      )}
      <ChoiceFields
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
        afterCapture={!!state.reading}
        disabled={working}
        onPick={(mood) => void pickMood(mood)}
      />
    </>
  );
}

/** Under a result: the one-time journal question, or why the pick's entry is missing. */
function JournalNote({ app }: { app: WebApp }) {
  const [prefs, changePrefs] = useJournalPrefs();
  const { journalError } = app.state;
  if (journalError) return <p class="error">{t(errorMessageKey(journalError))}</p>;
  if (!prefs || prefs.asked) return null;
  const answer = (keep: boolean) => changePrefs({ asked: true, enabled: keep }).catch(() => undefined);
  return <JournalOptIn compact onAnswer={(keep) => void answer(keep)} />;
}

export function App() {
  const app = useWebApp();
  const { state, stream, engine, pickMood, giveFeedback, showReading } = app;
  const photos = useMemo(() => inPagePhotos(engine), [engine]);
  const counting = state.phase === 'working' && state.stage === 'countdown' ? state.secondsLeft : undefined;
  return (
    <main>
      <header>
        <h1>{t('extName')}</h1>
        <OfflineNote />
      </header>
      {stream && <Preview stream={stream} secondsLeft={counting} mirrored={app.camera.facing === 'user'} />}
      {state.phase !== 'loading' && <CaptureControls app={app} />}
      <p class={`status ${state.phase}`} role="status" aria-live="polite">
        {statusText(state)}
      </p>
      {(state.reading || state.pick) && (
        <Result
          state={state}
          onPickMood={(mood) => void pickMood(mood)}
          onFeedback={(v) => void giveFeedback(v)}
        />
      )}
      {state.pick && <JournalNote app={app} />}
      {state.phase !== 'loading' && (
        <PhotoReader
          engine={photos}
          disabled={state.phase === 'working'}
          onReading={(reading, anotherFace) => void showReading(reading, anotherFace)}
        />
      )}
      <JournalArea />
    </main>
  );
}
