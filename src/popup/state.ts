import { t } from '../platform/i18n';
import type { CaptureStage } from '../shared/capture';
import { errorMessageKey, type ErrorInfo } from '../shared/errors';
import type { MessageKey } from '../shared/i18n';
import type { JournalOutcome } from '../shared/journal';
import type { CaptureOutcome, PickOutcome } from '../shared/messages';
import type { Mood } from '../shared/moods';
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
  /** Set when the user corrected the mood by hand. */
  corrected?: PickOutcome;
  /** The shown result's journal entry (or why it could not be written); absent while the journal is off. */
  journal?: JournalOutcome;
  error?: ErrorInfo;
}

export type PopupAction =
  | { type: 'settings-loaded'; settings: Settings }
  | { type: 'settings-changed'; settings: Settings }
  | { type: 'capture-started' }
  | { type: 'stage'; stage: CaptureStage; progress?: number; secondsLeft?: number }
  | { type: 'capture-succeeded'; outcome: CaptureOutcome }
  | { type: 'capture-failed'; error: ErrorInfo }
  | { type: 'corrected'; pick: PickOutcome }
  | { type: 'journal-noted'; journal: JournalOutcome };

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
      return {
        settings: state.settings,
        phase: 'done',
        outcome: action.outcome,
        journal: action.outcome.journal,
      };
    case 'capture-failed':
      return { settings: state.settings, phase: 'error', error: action.error };
    case 'corrected':
      return { ...state, corrected: action.pick, journal: action.pick.journal ?? state.journal };
    case 'journal-noted':
      return { ...state, journal: action.journal };
  }
}

const STAGE_TEXT: Record<CaptureStage, MessageKey> = {
  'starting-camera': 'stage_startingCamera',
  countdown: 'stage_lookAtCamera',
  snapshot: 'stage_lookAtCamera',
  'loading-models': 'stage_loadingModels',
  'reading-mood': 'stage_readingMood',
  'opening-tab': 'stage_openingTab',
};

/** Whole sentences per mood: languages differ in how a mood word fits into "You look …". */
const YOU_LOOK: Record<Mood, MessageKey> = {
  calm: 'popup_youLookCalm',
  angry: 'popup_youLookAngry',
  sad: 'popup_youLookSad',
  happy: 'popup_youLookHappy',
  surprised: 'popup_youLookSurprised',
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
      return t('popup_ready');
    case 'working': {
      const stage = state.stage ?? 'starting-camera';
      const text = t(STAGE_TEXT[stage]);
      if (stage === 'loading-models' && state.progress !== undefined)
        return t('stage_withProgress', text, Math.round(state.progress * 100));
      if (stage === 'countdown' && state.secondsLeft !== undefined)
        return t('stage_withCount', text, state.secondsLeft);
      return text;
    }
    case 'error':
      return t(errorMessageKey(state.error?.code ?? 'internal'));
    case 'done': {
      const shown = state.corrected ?? state.outcome?.recommendation;
      return shown ? t(YOU_LOOK[shown.mood], shown.provider.name) : '';
    }
  }
}
