/** The popup's behaviour: settings in and out of storage, progress from the background, the requests. */
import { useEffect, useReducer } from 'preact/hooks';
import {
  extensionIdentity,
  loadStored,
  onMessage,
  saveStored,
  sendRequest,
  storageArea,
} from '../platform/browserApi';
import { toErrorInfo } from '../shared/errors';
import {
  captureDraft,
  JOURNAL_PREFS_KEY,
  parseJournalPrefs,
  type JournalOutcome,
  type JournalPrefs,
} from '../shared/journal';
import { createJournalStore } from '../shared/journalStore';
import { createMessageListener } from '../shared/messages';
import type { Mood } from '../shared/moods';
import { mergeSettings, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { useStored } from '../ui/useStored';
import { initialPopupState, popupReducer, type PopupState } from './state';

export interface Popup {
  state: PopupState;
  /** Undefined until read from storage. */
  journalPrefs: JournalPrefs | undefined;
  changeSettings(patch: Partial<Settings>): void;
  capture(): Promise<void>;
  pickMood(mood: Mood): Promise<void>;
  /** The answer to "Keep a mood journal?"; yes makes the result on screen its first entry. */
  answerJournal(keep: boolean): Promise<void>;
}

async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await loadStored(SETTINGS_KEY));
  } catch {
    return parseSettings(undefined); // unreadable storage: the defaults, rather than no popup at all
  }
}

const journal = createJournalStore(storageArea);

export function usePopup(): Popup {
  const [state, dispatch] = useReducer(popupReducer, initialPopupState);
  const journalPrefs = useStored(JOURNAL_PREFS_KEY, parseJournalPrefs);
  const { settings } = state;

  useEffect(() => {
    // Models take seconds to load: start now, so they are ready by the time the button is pressed.
    // A failed warm-up is not shown; the capture retries the load and reports what went wrong.
    sendRequest({ target: 'background', type: 'warm-up' }).catch(() => undefined);
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

  /** Writes the result on screen as a journal entry (it was taken before the user said yes). */
  async function recordShownResult(): Promise<JournalOutcome | undefined> {
    const { outcome, corrected } = state;
    if (!outcome || state.journal) return undefined;
    const draft = captureDraft(outcome.result.probabilities, corrected ?? outcome.recommendation);
    const entry = await journal.recordEntry(corrected ? { ...draft, source: 'corrected' } : draft);
    return { status: 'saved', entryId: entry.id };
  }

  return {
    state,
    journalPrefs,
    changeSettings(patch) {
      const next = mergeSettings(settings, patch);
      dispatch({ type: 'settings-changed', settings: next });
      // Not awaited: a failed save shows at the next capture, which saves again and waits for it.
      saveStored(SETTINGS_KEY, next).catch(() => undefined);
    },
    async capture() {
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
        });
        dispatch({ type: 'capture-succeeded', outcome });
      } catch (error) {
        dispatch({ type: 'capture-failed', error: toErrorInfo(error) });
      }
    },
    async pickMood(mood) {
      const correcting = state.journal?.status === 'saved' ? state.journal.entryId : undefined;
      try {
        const pick = await sendRequest({
          target: 'background',
          type: 'open-recommendation',
          mood,
          settings,
          ...(correcting ? { correcting } : {}),
        });
        dispatch({ type: 'corrected', pick });
      } catch (error) {
        dispatch({ type: 'capture-failed', error: toErrorInfo(error) });
      }
    },
    async answerJournal(keep) {
      try {
        await saveStored(JOURNAL_PREFS_KEY, {
          ...parseJournalPrefs(journalPrefs),
          enabled: keep,
          asked: true,
        });
        const noted = keep ? await recordShownResult() : undefined;
        if (noted) dispatch({ type: 'journal-noted', journal: noted });
      } catch (error) {
        dispatch({ type: 'journal-noted', journal: { status: 'failed', error: toErrorInfo(error).code } });
      }
    },
  };
}
