import { t } from '../platform/i18n';
import type { Verdict } from '../recommendation/bandit';
import type { CaptureStage } from '../model/capture';
import { CATALOGUE, type Catalogue } from '../recommendation/catalogue';
import { errorMessageKey, type ErrorInfo } from '../common/errors';
import type { MessageKey } from '../common/i18n';
import type { JournalOutcome } from '../journal/journal';
import { MOOD_WORD } from '../common/labels';
import type { CaptureOutcome, PickOutcome } from '../protocol/messages';
import type { Mood } from '../model/moods';
import type { CaptureRef, Pick } from '../recommendation/picks';
import { DEFAULT_SETTINGS, type Settings } from '../recommendation/settings';
import { STAGE_TEXT } from '../ui/stageText';

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
  /** The camera's picture during the countdown: the latest small JPEG (base64); gone with the countdown. */
  preview?: string;
  /** The last capture's reading; it stays under later hand picks until the next capture. */
  outcome?: CaptureOutcome;
  /** The tab opened last: by the capture, or for a mood picked by hand. */
  pick?: Pick;
  /** The mood picked by hand (shown pressed); a capture's reading is then only the camera's view. */
  chosen?: Mood;
  /** "Good pick" / "Not for me", given on `pick`. */
  verdict?: Verdict;
  /** The shown pick's journal entry (or why it could not be written); absent while the journal is off. */
  journal?: JournalOutcome;
  error?: ErrorInfo;
}

export type PopupAction =
  | { type: 'loaded'; settings: Settings; catalogue: Catalogue; previews: boolean }
  | { type: 'settings-changed'; settings: Settings }
  | { type: 'previews-changed'; previews: boolean }
  | { type: 'capture-started' }
  | { type: 'stage'; stage: CaptureStage; progress?: number; secondsLeft?: number }
  | { type: 'preview'; jpeg: string }
  | { type: 'capture-succeeded'; outcome: CaptureOutcome }
  | { type: 'capture-failed'; error: ErrorInfo }
  | { type: 'picked'; pick: PickOutcome }
  | { type: 'request-failed'; error: ErrorInfo }
  | { type: 'feedback-given'; verdict: Verdict; journal?: JournalOutcome }
  | { type: 'journal-noted'; journal: JournalOutcome };

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
      // The preview belongs to the countdown: once the snapshot is taken it is dropped.
      const preview = stage === 'countdown' ? state.preview : undefined;
      return { ...state, stage, progress, secondsLeft, preview };
    }
    case 'preview':
      // A frame that comes late (after the countdown, or the capture) is not shown.
      return state.phase === 'working' && state.stage === 'countdown'
        ? { ...state, preview: action.jpeg }
        : state;
    case 'capture-succeeded': {
      const { outcome } = action;
      return { ...kept(state), phase: 'done', outcome, pick: outcome.pick, journal: outcome.journal };
    }
    case 'capture-failed':
      return { ...kept(state), phase: 'error', error: action.error };
    case 'picked': {
      const { journal, ...pick } = action.pick;
      return {
        ...kept(state),
        phase: 'done',
        outcome: state.outcome,
        pick,
        chosen: pick.mood,
        journal,
      };
    }
    case 'request-failed':
      return { ...state, phase: 'error', error: action.error };
    case 'feedback-given':
      return { ...state, verdict: action.verdict, journal: action.journal ?? state.journal };
    case 'journal-noted':
      return { ...state, journal: action.journal };
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
  return {
    id: outcome.captureId,
    camera: outcome.result.mood,
    ...(shown ? { shown } : {}),
    probabilities: outcome.result.probabilities,
  };
}

/** The reading left the choice to the user, who has not made it yet. */
export const isAsking = (state: PopupState): boolean => !!state.outcome?.unsure && !state.pick;

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

/** The camera is blocked for Moodtab: the popup shows the steps to allow it again. */
export const isCameraBlocked = (state: PopupState): boolean =>
  state.phase === 'error' && state.error?.code === 'camera-permission-denied';

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
      const { pick, chosen, outcome } = state;
      if (pick && chosen) return t('popup_youChose', t(MOOD_WORD[chosen]), pick.provider.name);
      if (pick) return t(YOU_LOOK[pick.mood], pick.provider.name);
      const [first, second] = outcome?.unsure ?? [];
      return first && second ? t('popup_unsure', t(MOOD_WORD[first]), t(MOOD_WORD[second])) : '';
    }
  }
}
