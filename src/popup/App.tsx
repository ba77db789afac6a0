import { useEffect, useReducer } from 'preact/hooks';
import { extensionIdentity, loadStored, onMessage, saveStored, sendRequest } from '../platform/browserApi';
import { CATALOGUE, providersFor } from '../shared/catalogue';
import { toErrorInfo } from '../shared/errors';
import { createMessageListener } from '../shared/messages';
import { MEDIA_KINDS, MOODS, type MediaKind, type Mood, type Strategy } from '../shared/moods';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { initialPopupState, popupReducer, statusText } from './state';

const MEDIA_LABEL: Record<MediaKind, string> = { music: 'Music', movies: 'Movies', pictures: 'Pictures' };
const capitalise = (text: string) => text[0]!.toUpperCase() + text.slice(1);

export function App() {
  const [state, dispatch] = useReducer(popupReducer, initialPopupState);
  const { settings } = state;

  useEffect(() => {
    loadStored(SETTINGS_KEY).then((raw) =>
      dispatch({ type: 'settings-loaded', settings: parseSettings(raw) }),
    );
    return onMessage(
      createMessageListener(
        'popup',
        {
          'capture-progress': async ({ stage, progress }) => {
            dispatch({ type: 'stage', stage, progress });
            return { acknowledged: true as const };
          },
        },
        extensionIdentity(),
      ),
    );
  }, []);

  const change = (patch: Partial<Settings>) => {
    dispatch({ type: 'settings-changed', patch });
    const next = { ...settings, ...patch, providers: { ...settings.providers, ...patch.providers } };
    saveStored(SETTINGS_KEY, next);
  };

  const capture = async () => {
    dispatch({ type: 'capture-started' });
    try {
      const outcome = await sendRequest({
        target: 'background',
        type: 'capture-mood',
        media: settings.media,
        // Switching tabs would close this popup and hide the result.
        inBackground: true,
      });
      dispatch({ type: 'capture-succeeded', outcome });
    } catch (error) {
      dispatch({ type: 'capture-failed', error: toErrorInfo(error) });
    }
  };

  const correct = async (mood: Mood) => {
    try {
      const recommendation = await sendRequest({
        target: 'background',
        type: 'open-recommendation',
        mood,
        media: settings.media,
      });
      dispatch({ type: 'corrected', recommendation });
    } catch (error) {
      dispatch({ type: 'capture-failed', error: toErrorInfo(error) });
    }
  };

  const working = state.phase === 'working';
  const outcome = state.outcome;
  const shown = state.corrected ?? outcome?.recommendation;
  return (
    <main>
      <h1>Moodtab</h1>
      <fieldset class="media" disabled={working}>
        <legend>Open</legend>
        {MEDIA_KINDS.map((media) => (
          <label key={media}>
            <input
              type="radio"
              name="media"
              value={media}
              checked={settings.media === media}
              onChange={() => change({ media })}
            />
            {MEDIA_LABEL[media]}
          </label>
        ))}
      </fieldset>
      <div class="options">
        <label>
          From{' '}
          <select
            value={settings.providers[settings.media] ?? CATALOGUE.defaultProvider[settings.media]}
            disabled={working}
            onChange={(e) =>
              change({ providers: { [settings.media]: (e.target as HTMLSelectElement).value } })
            }
          >
            {providersFor(settings.media).map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Picks that{' '}
          <select
            value={settings.strategy}
            disabled={working}
            onChange={(e) => change({ strategy: (e.target as HTMLSelectElement).value as Strategy })}
          >
            <option value="match">match my mood</option>
            <option value="lift">lift my mood</option>
          </select>
        </label>
      </div>
      <button class="capture" type="button" onClick={capture} disabled={working} aria-busy={working}>
        Capture mood
      </button>
      <p class={`status ${state.phase}`} role="status" aria-live="polite">
        {statusText(state)}
      </p>
      {outcome && (
        <section aria-label="Result">
          <h2>{capitalise(state.corrected?.mood ?? outcome.result.mood)}</h2>
          {outcome.cameraReleased && <p class="note">The camera is off again; the snapshot was not kept.</p>}
          {outcome.result.faces > 1 && (
            <p class="note">{outcome.result.faces} faces were in view; Moodtab read the largest.</p>
          )}
          <ul class="bars">
            {MOODS.map((mood) => {
              const percent = Math.round(outcome.result.probabilities[mood] * 100);
              return (
                <li key={mood}>
                  <span class="bar-label">{capitalise(mood)}</span>
                  <span
                    class="bar"
                    role="meter"
                    aria-label={capitalise(mood)}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={percent}
                  >
                    <span class="fill" style={{ width: `${percent}%` }} />
                  </span>
                  <span class="bar-value">{percent}%</span>
                </li>
              );
            })}
          </ul>
          {shown && (
            <p class="opened">
              Opened{' '}
              <a
                href={shown.url}
                target="_blank"
                rel="noreferrer"
              >{`${shown.provider.name}: ${shown.query}`}</a>
            </p>
          )}
          <fieldset class="correct">
            <legend>Not right? Pick your mood</legend>
            {MOODS.map((mood) => (
              <button key={mood} type="button" onClick={() => correct(mood)}>
                {capitalise(mood)}
              </button>
            ))}
          </fieldset>
        </section>
      )}
    </main>
  );
}
