/** The web app's behaviour: the choices in and out of storage, the capture, hand picks, feedback. */
import { useEffect, useReducer, useState } from 'preact/hooks';
import type { CaptureService } from '../capture/captureService';
import { toErrorInfo } from '../common/errors';
import { COUNTDOWN_SECONDS } from '../model/capture';
import { unsureBetween } from '../model/confidence';
import type { Mood } from '../model/moods';
import type { RecognitionResult } from '../model/recognition';
import { armKey, contextKey, type Verdict } from '../recommendation/bandit';
import type { Pick } from '../recommendation/picks';
import { withVerdict } from '../recommendation/bandit';
import { applyMapping } from '../recommendation/mapping';
import { mergeSettings, type Settings } from '../recommendation/settings';
import { createWebEngine, hasTwoCameras, type Facing } from './engine';
import { notePick, noteVerdict } from './journal';
import { asPick, handPickSource } from './picks';
import { recommend } from './recommend';
import { initialWebState, webReducer, type WebAction, type WebState } from './state';
import { stored } from './stored';

/** Frames in a capture's burst, as in the extension: their readings are averaged. */
const BURST_FRAMES = 3;

export interface WebApp {
  state: WebState;
  /** The capture engine, which also reads photos. */
  engine: CaptureService;
  /** The camera stream while a capture has it open, for the live preview. */
  stream: MediaStream | undefined;
  /** Which camera captures open; twoCameras: the device has a front and a back one to switch between. */
  camera: { facing: Facing; twoCameras: boolean; chooseFacing(facing: Facing): void };
  changeSettings(patch: Partial<Settings>): void;
  capture(): Promise<void>;
  pickMood(mood: Mood): Promise<void>;
  giveFeedback(verdict: Verdict): Promise<void>;
  /** Shows a photo's reading as a capture's, with its pick. */
  /** `anotherFace`: a face chosen in the photo shown; its journal entry replaces the first face's. */
  showReading(reading: RecognitionResult, anotherFace?: boolean): Promise<void>;
}

type Dispatch = (action: WebAction) => void;
const orElse = <T>(promise: Promise<T>, fallback: T): Promise<T> => promise.catch(() => fallback);

async function loadChoices(dispatch: Dispatch) {
  const [settings, mapping] = await Promise.all([
    orElse(stored.settings.load(), stored.settings.initial),
    orElse(stored.mapping.load(), stored.mapping.initial),
  ]);
  dispatch({ type: 'loaded', settings, catalogue: applyMapping(mapping) });
}

/** What a recommendation for a mood would be, with the stored ratings; unreadable ratings count as none. */
async function recommendationFor(mood: Mood, state: WebState) {
  const bandit = await orElse(stored.bandit.load(), stored.bandit.initial);
  return recommend(mood, state.settings, state.catalogue, bandit);
}

/** Shows the pick, then notes it in the journal (when kept) and says so if that failed. */
async function showPick(
  dispatch: Dispatch,
  action: WebAction & { pick?: Pick },
  reading?: RecognitionResult,
) {
  dispatch(action);
  if (!action.pick) return;
  const failure = await notePick(action.pick, reading?.probabilities).catch(() => 'internal' as const);
  if (failure) dispatch({ type: 'journal-failed', error: failure });
}

/**
 * The reading under its capture id (a new one, unless it is another face of the photo shown, whose
 * entry it then replaces), and its pick unless it is too unsure to choose for the user.
 */
async function readingAction(
  reading: RecognitionResult,
  state: WebState,
  fromPhoto = false,
  captureId: string = crypto.randomUUID(),
): Promise<WebAction & { type: 'read' }> {
  const unsure = unsureBetween(reading.probabilities);
  if (unsure) return { type: 'read', reading, captureId, fromPhoto, unsure };
  const pick = asPick(await recommendationFor(reading.mood, state), 'camera', captureId);
  return { type: 'read', reading, captureId, fromPhoto, pick };
}

/** A mood picked by hand: on its own, chosen for an unsure reading, or correcting one. */
async function handPick(mood: Mood, state: WebState): Promise<Pick> {
  const source = handPickSource(!!state.reading, !!state.pick);
  return asPick(await recommendationFor(mood, state), source, state.reading ? state.captureId : undefined);
}

/** The engine, the preview's stream, and which camera it opens (with a switch where there are two). */
function useEngine(dispatch: Dispatch, captured: unknown) {
  const [stream, setStream] = useState<MediaStream>();
  const [facing, setFacing] = useState<Facing>('user');
  const [twoCameras, setTwoCameras] = useState(false);
  const [{ service, setFacing: engineFacing }] = useState(() =>
    createWebEngine({
      onStage: (stage, detail = {}) => dispatch({ type: 'stage', stage, ...detail }),
      onStream: setStream,
    }),
  );
  // Browsers list every camera only once one was allowed: asked again after each capture.
  useEffect(() => {
    void hasTwoCameras(navigator.mediaDevices).then(setTwoCameras);
  }, [captured]);
  return {
    engine: service,
    stream,
    hidePreview: () => setStream(undefined),
    camera: {
      facing,
      twoCameras,
      chooseFacing(chosen: Facing) {
        engineFacing(chosen);
        setFacing(chosen);
      },
    },
  };
}

export function useWebApp(): WebApp {
  const [state, dispatch] = useReducer(webReducer, initialWebState);
  const { engine, stream, hidePreview, camera } = useEngine(dispatch, state.reading);

  useEffect(() => {
    void loadChoices(dispatch);
    // Models take seconds to load: start now, so they are ready by the time the button is pressed.
    engine.warmUp().catch(() => undefined);
  }, []);

  const failed = (error: unknown) => dispatch({ type: 'capture-failed', error: toErrorInfo(error) });

  return {
    state,
    engine,
    stream,
    camera,
    changeSettings(patch) {
      const next = mergeSettings(state.settings, patch);
      dispatch({ type: 'settings-changed', settings: next });
      stored.settings.set(next).catch(() => undefined); // the choice on screen still applies
    },
    async capture() {
      dispatch({ type: 'capture-started' });
      const countdownSeconds = state.settings.countdown ? COUNTDOWN_SECONDS : 0;
      try {
        const { result } = await engine.recognize({ frames: BURST_FRAMES, countdownSeconds });
        await showPick(dispatch, await readingAction(result, state), result);
      } catch (error) {
        failed(error);
      } finally {
        hidePreview();
      }
    },
    async showReading(reading, anotherFace = false) {
      const captureId = anotherFace && state.captureId ? state.captureId : undefined;
      await showPick(dispatch, await readingAction(reading, state, true, captureId), reading);
    },
    async pickMood(mood) {
      await showPick(dispatch, { type: 'picked', pick: await handPick(mood, state) }, state.reading);
    },
    async giveFeedback(verdict) {
      const { pick, verdict: given } = state;
      if (!pick || verdict === given) return;
      dispatch({ type: 'feedback-given', verdict });
      const context = contextKey(pick.mood, pick.media, pick.strategy);
      const arm = armKey(pick.provider.id, pick.query);
      await stored.bandit.update((bandit) => withVerdict(bandit, context, arm, verdict, given)).catch(failed);
      await noteVerdict(pick, verdict, given).catch(() => undefined); // the rating counted; only its note is missing
    },
  };
}
