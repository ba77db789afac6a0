/** The popup's behaviour: settings in and out of storage, progress from the background, the requests. */
import { useEffect, useReducer, useRef } from 'preact/hooks';
import {
  extensionIdentity,
  hasCamera,
  hasHostPermission,
  holdCapturePort,
  onMessage,
  sendRequest,
} from '../platform/browserApi';
import type { Verdict } from '../recommendation/bandit';
import { DEEZER_API_ORIGINS } from '../recommendation/deezer';
import { MoodtabError, toErrorInfo } from '../common/errors';
import { pickDraft, type JournalOutcome, type JournalPrefs } from '../journal/journal';
import { createJournalStore } from '../journal/journalStore';
import { applyMapping } from '../recommendation/mapping';
import { createMessageListener, type CaptureOutcome } from '../protocol/messages';
import type { Mood } from '../model/moods';
import { pickRefOf } from '../recommendation/picks';
import { mergeSettings, type Settings } from '../recommendation/settings';
import { stored } from '../platform/stored';
import { useStored } from '../ui/useStored';
import { captureRefOf, initialPopupState, popupReducer, type PopupAction, type PopupState } from './state';

export interface Popup {
  state: PopupState;
  /** Undefined until read from storage. */
  journalPrefs: JournalPrefs | undefined;
  changeSettings(patch: Partial<Settings>): void;
  capture(): Promise<void>;
  /** Opens the tab for a mood picked by hand (after a capture, its correction or answer). */
  pickMood(mood: Mood): Promise<void>;
  giveFeedback(verdict: Verdict): Promise<void>;
  /** The answer to "Keep a mood journal?"; yes makes the result on screen its first entry. */
  answerJournal(keep: boolean): Promise<void>;
}

/** Whatever storage holds, or the fallback: an unreadable store must not leave the popup blank. */
const orElse = <T>(promise: Promise<T>, fallback: T): Promise<T> => promise.catch(() => fallback);

async function loadChoices() {
  const [settings, mapping, previews] = await Promise.all([
    orElse(stored.settings.load(), stored.settings.initial),
    orElse(stored.mapping.load(), stored.mapping.initial),
    orElse(hasHostPermission(DEEZER_API_ORIGINS), false),
  ]);
  return { settings, catalogue: applyMapping(mapping), previews };
}

const journal = createJournalStore(stored);

export interface PopupOptions {
  /** Capture once as soon as the stored choices are read. */
  autoCapture?: boolean;
  /** The id of this popup's own capture page (Firefox), sent with each capture. */
  capturePage?: string;
}

type Dispatch = (action: PopupAction) => void;
const addressedTo = (capturePage?: string) => (capturePage ? { capturePage } : {});

/**
 * As the popup opens: starts the model load, reads the stored choices, listens for a capture's
 * progress and its countdown's preview frames; returns the unsubscribe.
 */
function openPopup(capturePage: string | undefined, dispatch: Dispatch): () => void {
  // Models take seconds to load: start now, so they are ready by the time the button is pressed.
  // A failed warm-up is not shown; the capture retries the load and reports what went wrong.
  // On Firefox the models load in this popup's own capture page, so the warm-up names it.
  sendRequest({ target: 'background', type: 'warm-up', ...addressedTo(capturePage) }).catch(() => undefined);
  void loadChoices().then((loaded) => dispatch({ type: 'loaded', ...loaded }));
  return onMessage(
    createMessageListener(
      'popup',
      {
        'capture-progress': async ({ stage, progress, secondsLeft }) => {
          dispatch({ type: 'stage', stage, progress, secondsLeft });
          return { acknowledged: true as const };
        },
        'capture-preview': async ({ jpeg }) => {
          dispatch({ type: 'preview', jpeg });
          return { acknowledged: true as const };
        },
      },
      extensionIdentity(),
    ),
  );
}

/** Keeps the choices, makes sure there is a camera, and has the background capture with them. */
async function requestCapture(settings: Settings, capturePage: string | undefined): Promise<CaptureOutcome> {
  // Stored before the capture, so a shortcut capture or the next popup sees these choices;
  // the capture itself gets them in the request and never reads a stale stored copy.
  await stored.settings.set(settings);
  if ((await hasCamera()) === false) throw new MoodtabError('no-camera', 'the browser lists no camera');
  // Closing the popup closes this port, and the background cancels the capture wherever it is.
  const cancelWith = crypto.randomUUID();
  const release = holdCapturePort(cancelWith);
  try {
    return await sendRequest({
      target: 'background',
      type: 'capture-mood',
      settings,
      // Switching tabs would close this popup and hide the result.
      inBackground: true,
      cancelWith,
      ...addressedTo(capturePage),
    });
  } finally {
    release();
  }
}

/**
 * Writes the tab on screen as a journal entry (it opened before the user said yes), as the
 * background would have: under its capture's id, with the camera's reading and any feedback.
 */
async function recordShownPick(state: PopupState): Promise<JournalOutcome | undefined> {
  const { pick, outcome, verdict } = state;
  if (!pick || state.journal) return undefined;
  const reading = outcome && pick.captureId === outcome.captureId ? outcome.result.probabilities : undefined;
  const entry = await journal.recordEntry({
    ...pickDraft(pick, reading),
    ...(verdict ? { feedback: verdict } : {}),
  });
  return { status: 'saved', entryId: entry.id };
}

/** Requests that act on what the popup shows: each reports its failure on screen. */
function requests(state: PopupState, dispatch: Dispatch) {
  const failed = (error: unknown) => dispatch({ type: 'request-failed', error: toErrorInfo(error) });
  const { settings } = state;
  return {
    async pickMood(mood: Mood) {
      const capture = captureRefOf(state);
      // The tab on screen's pick gives way to this one: loaded in its tab, not in another.
      const replaceTab = state.pick?.tabId;
      try {
        const pick = await sendRequest({
          target: 'background',
          type: 'open-recommendation',
          mood,
          settings,
          inBackground: true,
          ...(capture ? { capture } : {}),
          ...(replaceTab === undefined ? {} : { replaceTab }),
        });
        dispatch({ type: 'picked', pick });
      } catch (error) {
        failed(error);
      }
    },
    async giveFeedback(verdict: Verdict) {
      const { pick, verdict: given } = state;
      if (!pick || verdict === given) return;
      try {
        const { journal: noted } = await sendRequest({
          target: 'background',
          type: 'recommendation-feedback',
          pick: pickRefOf(pick),
          verdict,
          ...(given ? { replaces: given } : {}),
        });
        dispatch({ type: 'feedback-given', verdict, ...(noted ? { journal: noted } : {}) });
      } catch (error) {
        failed(error);
      }
    },
    async answerJournal(keep: boolean) {
      try {
        await stored.journalPrefs.update((prefs) => ({ ...prefs, enabled: keep, asked: true }));
        const noted = keep ? await recordShownPick(state) : undefined;
        if (noted) dispatch({ type: 'journal-noted', journal: noted });
      } catch (error) {
        dispatch({ type: 'journal-noted', journal: { status: 'failed', error: toErrorInfo(error).code } });
      }
    },
  };
}

export function usePopup({ autoCapture = false, capturePage }: PopupOptions = {}): Popup {
  const [state, dispatch] = useReducer(popupReducer, initialPopupState);
  const journalPrefs = useStored(stored.journalPrefs);
  const autoCaptured = useRef(false);

  useEffect(() => openPopup(capturePage, dispatch), []);

  async function capture(): Promise<void> {
    dispatch({ type: 'capture-started' });
    try {
      dispatch({ type: 'capture-succeeded', outcome: await requestCapture(state.settings, capturePage) });
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
    journalPrefs,
    capture,
    changeSettings(patch) {
      const next = mergeSettings(state.settings, patch);
      dispatch({ type: 'settings-changed', settings: next });
      // Not awaited: a failed save shows at the next capture, which saves again and waits for it.
      stored.settings.set(next).catch(() => undefined);
    },
    ...requests(state, dispatch),
  };
}
