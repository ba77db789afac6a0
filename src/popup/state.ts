import type { Verdict } from '../shared/bandit';
import type { CaptureStage } from '../shared/capture';
import { CATALOGUE, type Catalogue } from '../shared/catalogue';
import type { ErrorInfo } from '../shared/errors';
import type { CaptureOutcome } from '../shared/messages';
import type { Mood } from '../shared/moods';
import type { CaptureRef, Pick } from '../shared/picks';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';

export interface PopupState {
  settings: Settings;
  /** The built-in catalogue with the user's mapping laid over it: their providers are choices too. */
  catalogue: Catalogue;
  /** The user opted in to song previews (the optional host permission is held). */
  previews: boolean;
  /** loading: the stored settings are not read yet, so nothing can be chosen or captured. */
  phase: 'loading' | 'idle' | 'working' | 'done' | 'error';
  stage?: CaptureStage;
  /** Model download fraction while loading. */
  progress?: number;
  /** The countdown's number. */
  secondsLeft?: number;
  /** The last capture's reading; it stays under later hand picks until the next capture. */
  outcome?: CaptureOutcome;
  /** The tab opened last: by the capture, or for a mood picked by hand. */
  pick?: Pick;
  /** The mood picked by hand (shown pressed); a capture's reading is then only the camera's view. */
  chosen?: Mood;
  /** "Good pick" / "Not for me", given on `pick`. */
  verdict?: Verdict;
  error?: ErrorInfo;
}

export type PopupAction =
  | { type: 'loaded'; settings: Settings; catalogue: Catalogue; previews: boolean }
  | { type: 'settings-changed'; settings: Settings }
  | { type: 'previews-changed'; previews: boolean }
  | { type: 'capture-started' }
  | { type: 'stage'; stage: CaptureStage; progress?: number; secondsLeft?: number }
  | { type: 'capture-succeeded'; outcome: CaptureOutcome }
  | { type: 'capture-failed'; error: ErrorInfo }
  | { type: 'picked'; pick: Pick }
  | { type: 'request-failed'; error: ErrorInfo }
  | { type: 'feedback-given'; verdict: Verdict };

export const initialPopupState: PopupState = {
  settings: DEFAULT_SETTINGS,
  catalogue: CATALOGUE,
  previews: false,
  phase: 'loading',
};

/** What stays through a capture: the choices, not the last result. */
const kept = ({ settings, catalogue, previews }: PopupState) => ({ settings, catalogue, previews });

export function popupReducer(state: PopupState, action: PopupAction): PopupState {
  switch (action.type) {
    case 'loaded': {
      const { settings, catalogue, previews } = action;
      return {
        ...state,
        settings,
        catalogue,
        previews,
        phase: state.phase === 'loading' ? 'idle' : state.phase,
      };
    }
    case 'settings-changed':
      return { ...state, settings: action.settings };
    case 'previews-changed':
      return { ...state, previews: action.previews };
    case 'capture-started':
      return { ...kept(state), phase: 'working', stage: 'starting-camera' };
    case 'stage': {
      // Late progress from a finished capture must not overwrite its result.
      if (state.phase !== 'working') return state;
      const { stage, progress, secondsLeft } = action;
      return { ...state, stage, progress, secondsLeft };
    }
    case 'capture-succeeded':
      return { ...kept(state), phase: 'done', outcome: action.outcome, pick: action.outcome.pick };
    case 'capture-failed':
      return { ...kept(state), phase: 'error', error: action.error };
    case 'picked':
      return {
        ...kept(state),
        phase: 'done',
        outcome: state.outcome,
        pick: action.pick,
        chosen: action.pick.mood,
      };
    case 'request-failed':
      return { ...state, phase: 'error', error: action.error };
    case 'feedback-given':
      return { ...state, verdict: action.verdict };
  }
}

/**
 * The capture a hand pick answers or corrects, for the background to learn from: what the camera
 * read, and what the capture had ended as (nothing yet when the popup asked).
 */
export function captureRefOf(state: PopupState): CaptureRef | undefined {
  const { outcome } = state;
  if (!outcome) return undefined;
  const shown = state.chosen ?? outcome.pick?.mood;
  return { id: outcome.captureId, camera: outcome.result.mood, ...(shown ? { shown } : {}) };
}

/** The reading left the choice to the user, who has not made it yet. */
export const isAsking = (state: PopupState): boolean => !!state.outcome?.unsure && !state.pick;

const STAGE_TEXT: Record<CaptureStage, string> = {
  'starting-camera': 'Starting the camera…',
  countdown: 'Look at the camera…',
  snapshot: 'Look at the camera…',
  'loading-models': 'Loading the mood model…',
  'reading-mood': 'Reading your mood…',
  'opening-tab': 'Opening your tab…',
};

/** The camera is on and the frames are about to be taken: the moment to face it. */
export const isSnapshotMoment = (state: PopupState): boolean =>
  state.phase === 'working' && (state.stage === 'countdown' || state.stage === 'snapshot');

/** The one-line status announced to screen readers. */
export function statusText(state: PopupState): string {
  switch (state.phase) {
    case 'loading':
      return '';
    case 'idle':
      return 'Ready. The snapshot stays on this device.';
    case 'working': {
      const stage = state.stage ?? 'starting-camera';
      const text = STAGE_TEXT[stage];
      if (stage === 'loading-models' && state.progress !== undefined)
        return `${text} ${Math.round(state.progress * 100)}%`;
      if (stage === 'countdown' && state.secondsLeft !== undefined) return `${text} ${state.secondsLeft}`;
      return text;
    }
    case 'error':
      return state.error?.message ?? 'Something went wrong.';
    case 'done': {
      const { pick, chosen, outcome } = state;
      if (pick && chosen) return `You chose ${chosen}. Opened ${pick.provider.name}.`;
      if (pick) return `You look ${pick.mood}. Opened ${pick.provider.name}.`;
      const [first, second] = outcome?.unsure ?? [];
      return first && second ? `Moodtab is not sure: ${first} or ${second}? Pick one below.` : '';
    }
  }
}
