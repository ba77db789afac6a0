/** The popup's behaviour: settings in and out of storage, progress from the background, the requests. */
import { useEffect, useReducer, useRef } from 'preact/hooks';
import { extensionIdentity, loadStored, onMessage, saveStored, sendRequest } from '../platform/browserApi';
import { toErrorInfo } from '../shared/errors';
import { createMessageListener } from '../shared/messages';
import type { Mood } from '../shared/moods';
import { mergeSettings, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { initialPopupState, popupReducer, type PopupState } from './state';

export interface Popup {
  state: PopupState;
  changeSettings(patch: Partial<Settings>): void;
  capture(): Promise<void>;
  pickMood(mood: Mood): Promise<void>;
}

async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await loadStored(SETTINGS_KEY));
  } catch {
    return parseSettings(undefined); // unreadable storage: the defaults, rather than no popup at all
  }
}

export interface PopupOptions {
  /** Capture once as soon as the stored choices are read. */
  autoCapture?: boolean;
  /** The id of this popup's own capture page (Firefox), sent with each capture. */
  capturePage?: string;
}

export function usePopup({ autoCapture = false, capturePage }: PopupOptions = {}): Popup {
  const [state, dispatch] = useReducer(popupReducer, initialPopupState);
  const { settings } = state;
  const autoCaptured = useRef(false);

  useEffect(() => {
    // Models take seconds to load: start now, so they are ready by the time the button is pressed.
    // A failed warm-up is not shown; the capture retries the load and reports what went wrong.
    // On Firefox the models load in this popup's own capture page, so the warm-up names it.
    sendRequest({ target: 'background', type: 'warm-up', ...(capturePage ? { capturePage } : {}) }).catch(
      () => undefined,
    );
    void loadSettings().then((loaded) => dispatch({ type: 'settings-loaded', settings: loaded }));
    return onMessage(
      createMessageListener(
        'popup',
        {
          'capture-progress': async ({ stage, progress, secondsLeft }) => {
            dispatch({ type: 'stage', stage, progress, secondsLeft });
            return { acknowledged: true as const };
          },
        },
        extensionIdentity(),
      ),
    );
  }, []);

  async function capture(): Promise<void> {
    dispatch({ type: 'capture-started' });
    try {
      // Stored before the capture, so a shortcut capture or the next popup sees these choices;
      // the capture itself gets them in the request and never reads a stale stored copy.
      await saveStored(SETTINGS_KEY, settings);
      const outcome = await sendRequest({
        target: 'background',
        type: 'capture-mood',
        settings,
        // Switching tabs would close this popup and hide the result.
        inBackground: true,
        ...(capturePage ? { capturePage } : {}),
      });
      dispatch({ type: 'capture-succeeded', outcome });
    } catch (error) {
      dispatch({ type: 'capture-failed', error: toErrorInfo(error) });
    }
  }

  useEffect(() => {
    if (!autoCapture || state.phase !== 'idle' || autoCaptured.current) return;
    autoCaptured.current = true;
    void capture();
  }, [state.phase]);

  return {
    state,
    capture,
    changeSettings(patch) {
      const next = mergeSettings(settings, patch);
      dispatch({ type: 'settings-changed', settings: next });
      // Not awaited: a failed save shows at the next capture, which saves again and waits for it.
      saveStored(SETTINGS_KEY, next).catch(() => undefined);
    },
    async pickMood(mood) {
      try {
        const recommendation = await sendRequest({
          target: 'background',
          type: 'open-recommendation',
          mood,
          settings,
        });
        dispatch({ type: 'corrected', recommendation });
      } catch (error) {
        dispatch({ type: 'capture-failed', error: toErrorInfo(error) });
      }
    },
  };
}
