/** The web app's screen as data: the choices, where a capture is, and what it read and picked. */
import { errorMessageKey, type ErrorCode, type ErrorInfo } from '../common/errors';
import type { MessageKey } from '../common/i18n';
import { MOOD_WORD } from '../common/labels';
import type { CaptureStage } from '../model/capture';
import type { Mood } from '../model/moods';
import type { RecognitionResult } from '../model/recognition';
import type { Verdict } from '../recommendation/bandit';
import { CATALOGUE, type Catalogue } from '../recommendation/catalogue';
import type { Pick } from '../recommendation/picks';
import { DEFAULT_SETTINGS, type Settings } from '../recommendation/settings';
import { t } from './i18n';
import { STAGE_TEXT } from '../ui/stageText';

export interface WebState {
  settings: Settings;
  catalogue: Catalogue;
  /** loading: the stored choices are not read yet. */
  phase: 'loading' | 'idle' | 'working' | 'done' | 'error';
  stage?: CaptureStage;
  progress?: number;
  secondsLeft?: number;
  /** The last capture's (or photo's) reading; it stays under later hand picks. */
  reading?: RecognitionResult;
  /** Names that reading in the journal: its entry, which a choice or correction rewrites. */
  captureId?: string;
  /** The reading is of a photo, whose face the user chooses: no "read the largest" note. */
  fromPhoto?: boolean;
  /** The two likeliest moods of a reading too unsure to pick media for. */
  unsure?: [Mood, Mood];
  /** What the link opens: the capture's pick or a hand pick's. */
  pick?: Pick;
  /** The mood picked by hand (shown pressed). */
  chosen?: Mood;
  verdict?: Verdict;
  error?: ErrorInfo;
  /** The pick's journal entry could not be written (the link is there all the same). */
  journalError?: ErrorCode;
}

export type WebAction =
  | { type: 'loaded'; settings: Settings; catalogue: Catalogue }
  | { type: 'settings-changed'; settings: Settings }
  | { type: 'capture-started' }
  | { type: 'stage'; stage: CaptureStage; progress?: number; secondsLeft?: number }
  | {
      type: 'read';
      reading: RecognitionResult;
      captureId: string;
      fromPhoto?: boolean;
      unsure?: [Mood, Mood];
      pick?: Pick;
    }
  | { type: 'capture-failed'; error: ErrorInfo }
  | { type: 'picked'; pick: Pick }
  | { type: 'journal-failed'; error: ErrorCode }
  | { type: 'feedback-given'; verdict: Verdict };

export const initialWebState: WebState = {
  settings: DEFAULT_SETTINGS,
  catalogue: CATALOGUE,
  phase: 'loading',
};

const kept = ({ settings, catalogue }: WebState) => ({ settings, catalogue });

export function webReducer(state: WebState, action: WebAction): WebState {
  switch (action.type) {
    case 'loaded':
      return { ...state, settings: action.settings, catalogue: action.catalogue, phase: 'idle' };
    case 'settings-changed':
      return { ...state, settings: action.settings };
    case 'capture-started':
      return { ...kept(state), phase: 'working', stage: 'starting-camera' };
    case 'stage': {
      if (state.phase !== 'working') return state; // late progress must not hide a result
      const { stage, progress, secondsLeft } = action;
      return { ...state, stage, progress, secondsLeft };
    }
    case 'read': {
      const { reading, captureId, fromPhoto, unsure, pick } = action;
      return { ...kept(state), phase: 'done', reading, captureId, fromPhoto, unsure, pick };
    }
    case 'capture-failed':
      return { ...kept(state), phase: 'error', error: action.error };
    case 'picked': {
      const { reading, captureId, fromPhoto, unsure } = state;
      const { pick } = action;
      return {
        ...kept(state),
        phase: 'done',
        reading,
        captureId,
        fromPhoto,
        unsure,
        pick,
        chosen: pick.mood,
      };
    }
    case 'journal-failed':
      return { ...state, journalError: action.error };
    case 'feedback-given':
      return { ...state, verdict: action.verdict };
  }
}

const YOU_LOOK: Record<Mood, MessageKey> = {
  calm: 'web_youLookCalm',
  angry: 'web_youLookAngry',
  sad: 'web_youLookSad',
  happy: 'web_youLookHappy',
  surprised: 'web_youLookSurprised',
};

function workingText({ stage = 'starting-camera', progress, secondsLeft }: WebState): string {
  const text = t(STAGE_TEXT[stage]);
  if (stage === 'loading-models' && progress !== undefined)
    return t('stage_withProgress', text, Math.round(progress * 100));
  if (stage === 'countdown' && secondsLeft !== undefined) return t('stage_withCount', text, secondsLeft);
  return text;
}

function doneText({ pick, chosen, unsure }: WebState): string {
  if (pick && chosen) return t('web_youChose', t(MOOD_WORD[chosen]));
  if (pick) return t(YOU_LOOK[pick.mood]);
  const [first, second] = unsure ?? [];
  return first && second ? t('popup_unsure', t(MOOD_WORD[first]), t(MOOD_WORD[second])) : '';
}

/** The one-line status announced to screen readers. */
export function statusText(state: WebState): string {
  switch (state.phase) {
    case 'loading':
      return '';
    case 'idle':
      return t('popup_ready');
    case 'working':
      return workingText(state);
    case 'error':
      return t(errorMessageKey(state.error?.code ?? 'internal'));
    case 'done':
      return doneText(state);
  }
}

/** The camera is on and the frames are about to be taken: the moment to face it. */
export const isSnapshotMoment = (state: WebState): boolean =>
  state.phase === 'working' && (state.stage === 'countdown' || state.stage === 'snapshot');
