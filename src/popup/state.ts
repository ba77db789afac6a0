import type { CaptureStage } from '../shared/capture';
import type { Recommendation } from '../shared/catalogue';
import type { ErrorCode, ErrorInfo } from '../shared/errors';
import type { CaptureOutcome } from '../shared/messages';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';

export interface PopupState {
  settings: Settings;
  /** loading: the stored settings are not read yet, so nothing can be chosen or captured. */
  phase: 'loading' | 'idle' | 'working' | 'done' | 'error';
  stage?: CaptureStage;
  /** Model download fraction while loading. */
  progress?: number;
  /** The countdown's number. */
  secondsLeft?: number;
  outcome?: CaptureOutcome;
  /** Set when the user picked the mood by hand (to correct a reading, or after a failed one). */
  corrected?: Recommendation;
  error?: ErrorInfo;
}

export type PopupAction =
  | { type: 'settings-loaded'; settings: Settings }
  | { type: 'settings-changed'; settings: Settings }
  | { type: 'capture-started' }
  | { type: 'stage'; stage: CaptureStage; progress?: number; secondsLeft?: number }
  | { type: 'capture-succeeded'; outcome: CaptureOutcome }
  | { type: 'capture-failed'; error: ErrorInfo }
  | { type: 'corrected'; recommendation: Recommendation };

export const initialPopupState: PopupState = { settings: DEFAULT_SETTINGS, phase: 'loading' };

export function popupReducer(state: PopupState, action: PopupAction): PopupState {
  switch (action.type) {
    case 'settings-loaded':
      return { ...state, settings: action.settings, phase: state.phase === 'loading' ? 'idle' : state.phase };
    case 'settings-changed':
      return { ...state, settings: action.settings };
    case 'capture-started':
      return { settings: state.settings, phase: 'working', stage: 'starting-camera' };
    case 'stage': {
      // Late progress from a finished capture must not overwrite its result.
      if (state.phase !== 'working') return state;
      const { stage, progress, secondsLeft } = action;
      return { ...state, stage, progress, secondsLeft };
    }
    case 'capture-succeeded':
      return { settings: state.settings, phase: 'done', outcome: action.outcome };
    case 'capture-failed':
      return { settings: state.settings, phase: 'error', error: action.error };
    case 'corrected':
      return { ...state, phase: 'done', error: undefined, corrected: action.recommendation };
  }
}

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

/** Failures that leave the camera fine but no mood read: picking one by hand still gets media. */
const PICK_INSTEAD: readonly ErrorCode[] = ['no-face', 'face-too-small', 'too-dark'];

/** Whether to offer the mood picker without a reading to correct. */
export const canPickMoodInstead = (state: PopupState): boolean =>
  !state.outcome &&
  ((state.phase === 'error' && state.error !== undefined && PICK_INSTEAD.includes(state.error.code)) ||
    (state.phase === 'done' && state.corrected !== undefined));

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
      const shown = state.corrected ?? state.outcome?.recommendation;
      if (!shown) return '';
      return state.outcome
        ? `You look ${shown.mood}. Opened ${shown.provider.name}.`
        : `Opened ${shown.provider.name} for ${shown.mood}.`;
    }
  }
}
