/**
 * The message protocol between extension contexts, in one place.
 *
 * Every message is `{target, type, ...fields}`. `Protocol[target][type]` gives the request's
 * fields and its response type, so a handler map and a sender are both fully typed. Listeners
 * ignore messages for other targets and reject senders that are not this extension's own pages.
 */
import { isVerdict, type Verdict } from './bandit';
import { isBackendName, type BackendName } from './backend';
import {
  isCaptureStage,
  MAX_COUNTDOWN_SECONDS,
  type CaptureReading,
  type CaptureStage,
  type RecognizeRequest,
  type WarmUpReport,
} from './capture';
import { isErrorCode, MoodtabError, toErrorInfo, type ErrorInfo } from './errors';
import type { JournalOutcome } from './journal';
import { isMood, type Mood, type MoodProbabilities } from './moods';
import { isCaptureRef, isPickRef, type CaptureRef, type Pick, type PickRef } from './picks';
import { isSettings, type Settings } from './settings';

export interface CaptureOutcome extends CaptureReading {
  /** Names this capture when a hand pick follows it (CaptureRef.id). */
  captureId: string;
  /**
   * The camera's reading after the personal adjustment (personalCalibration.ts): it decides the
   * mood, and the popup shows it. `changed`: the adjustment moved something.
   */
  adjusted: { mood: Mood; probabilities: MoodProbabilities; changed: boolean };
  /** The two likeliest moods, when the likeliest is below LOW_CONFIDENCE_THRESHOLD. */
  unsure?: [Mood, Mood];
  /** The tab that opened; absent when the reading was unsure and the popup is to ask. */
  pick?: Pick;
  /** The journal entry written for the pick; absent when the journal is off or nothing opened. */
  journal?: JournalOutcome;
}

/** The tab opened for a mood picked by hand, and its journal entry (absent when the journal is off). */
export interface PickOutcome extends Pick {
  journal?: JournalOutcome;
}

type NoFields = Record<never, never>;

export interface Protocol {
  background: {
    /**
     * settings: the popup's current choices, so the background never reads a stale stored copy.
     * inBackground: open the tab without switching to it, so the popup (which closes on a tab switch) stays.
     */
    'capture-mood': { request: { settings: Settings; inBackground?: boolean }; response: CaptureOutcome };
    /**
     * A mood picked by hand. inBackground: as for capture-mood. capture: the capture this pick
     * corrects or answers (the popup's "Calm or sad?"); absent for a pick without a capture.
     */
    'open-recommendation': {
      request: { mood: Mood; settings: Settings; inBackground?: boolean; capture?: CaptureRef };
      response: PickOutcome;
    };
    /**
     * "Good pick" / "Not for me" on an opened tab; replaces: the verdict given before, taken back.
     * journal: the verdict noted on the pick's journal entry; absent when the journal is off.
     */
    'recommendation-feedback': {
      request: { pick: PickRef; verdict: Verdict; replaces?: Verdict };
      response: { recorded: true; journal?: JournalOutcome };
    };
    /** Sent when the popup opens: start loading the models now, so they are ready at the click. */
    'warm-up': { request: NoFields; response: WarmUpReport };
  };
  offscreen: {
    /** backend: the choice stored for this browser version, if any. */
    'warm-up': { request: { backend?: BackendName }; response: WarmUpReport };
    'recognize-mood': { request: RecognizeRequest; response: CaptureReading };
  };
  popup: {
    /**
     * progress: fraction 0..1 of the model download, with stage loading-models.
     * secondsLeft: the countdown's current number, with stage countdown.
     */
    'capture-progress': {
      request: { stage: CaptureStage; progress?: number; secondsLeft?: number };
      response: { acknowledged: true };
    };
  };
}

export type Target = keyof Protocol;
export type MessageType<T extends Target> = keyof Protocol[T] & string;
type Spec<T extends Target, K extends MessageType<T>> = Protocol[T][K] extends {
  request: infer Q;
  response: infer R;
}
  ? { request: Q; response: R }
  : never;
export type RequestOf<T extends Target, K extends MessageType<T>> = { target: T; type: K } & Spec<
  T,
  K
>['request'];
export type ResponseOf<T extends Target, K extends MessageType<T>> = Spec<T, K>['response'];
export type Message = { [T in Target]: { [K in MessageType<T>]: RequestOf<T, K> }[MessageType<T>] }[Target];

export type Envelope<R> = { ok: true; value: R } | { ok: false; error: ErrorInfo };

const MAX_BURST_FRAMES = 10;

type Fields = Record<string, unknown>;

const isIntegerIn = (value: unknown, min: number, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const isOptional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);
/** No fields besides target and type (and those listed). */
const hasOnly = (m: Fields, ...fields: string[]) =>
  Object.keys(m).every((key) => key === 'target' || key === 'type' || fields.includes(key));

const validators: { [T in Target]: { [K in MessageType<T>]: (m: Fields) => boolean } } = {
  background: {
    'capture-mood': (m) =>
      isSettings(m.settings) && (m.inBackground === undefined || typeof m.inBackground === 'boolean'),
    'open-recommendation': (m) =>
      hasOnly(m, 'mood', 'settings', 'inBackground', 'capture') &&
      isMood(m.mood) &&
      isSettings(m.settings) &&
      isOptional(m.inBackground, (b) => typeof b === 'boolean') &&
      isOptional(m.capture, isCaptureRef),
    'recommendation-feedback': (m) =>
      hasOnly(m, 'pick', 'verdict', 'replaces') &&
      isPickRef(m.pick) &&
      isVerdict(m.verdict) &&
      isOptional(m.replaces, isVerdict),
    'warm-up': (m) => hasOnly(m),
  },
  offscreen: {
    'warm-up': (m) => hasOnly(m, 'backend') && isOptional(m.backend, isBackendName),
    'recognize-mood': (m) =>
      isIntegerIn(m.frames, 1, MAX_BURST_FRAMES) &&
      isIntegerIn(m.countdownSeconds, 0, MAX_COUNTDOWN_SECONDS) &&
      isOptional(m.backend, isBackendName),
  },
  popup: {
    'capture-progress': (m) =>
      isCaptureStage(m.stage) &&
      isOptional(m.progress, (p) => typeof p === 'number' && p >= 0 && p <= 1) &&
      isOptional(m.secondsLeft, (s) => isIntegerIn(s, 1, MAX_COUNTDOWN_SECONDS)),
  },
};

const isTarget = (value: unknown): value is Target =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(validators, value);

/** The target a raw message claims, or undefined when it is not a Moodtab message at all. */
export function targetOf(raw: unknown): Target | undefined {
  const target = (raw as Fields | null)?.target;
  return typeof raw === 'object' && raw !== null && isTarget(target) ? target : undefined;
}

/** Checks a raw message against the protocol; throws MoodtabError('bad-message') saying what is wrong. */
export function parseMessage<T extends Target>(raw: unknown, target: T): Message & { target: T } {
  if (targetOf(raw) !== target) throw new MoodtabError('bad-message', `not addressed to ${target}`);
  const fields = raw as Fields;
  const table = validators[target] as Record<string, (m: Fields) => boolean>;
  const validate = typeof fields.type === 'string' ? table[fields.type] : undefined;
  if (!validate)
    throw new MoodtabError('bad-message', `unknown ${target} message type ${String(fields.type)}`);
  if (!validate(fields)) throw new MoodtabError('bad-message', `invalid fields for ${target}/${fields.type}`);
  return raw as Message & { target: T };
}

export interface SenderInfo {
  id?: string;
  url?: string;
}

export interface ExtensionIdentity {
  id: string;
  /** e.g. chrome-extension://abc/ or moz-extension://uuid/ */
  origin: string;
}

/** Only this extension's own pages may talk to us: same id and a URL under our own origin. */
function isOwnSender(sender: SenderInfo, self: ExtensionIdentity): boolean {
  return sender.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.origin);
}

export type Handlers<T extends Target> = {
  [K in MessageType<T>]: (request: RequestOf<T, K>, sender: SenderInfo) => Promise<ResponseOf<T, K>>;
};

/**
 * Builds an onMessage listener for one target. It returns undefined (so other listeners may
 * answer) for messages addressed elsewhere, and an Envelope promise for its own messages;
 * foreign senders and malformed messages get an error envelope, never a handler call.
 */
export function createMessageListener<T extends Target>(
  target: T,
  handlers: Handlers<T>,
  self: ExtensionIdentity,
): (raw: unknown, sender: SenderInfo) => Promise<Envelope<unknown>> | undefined {
  return (raw, sender) => {
    if (targetOf(raw) !== target) return undefined;
    if (!isOwnSender(sender, self)) {
      return Promise.resolve({
        ok: false,
        error: toErrorInfo(new MoodtabError('bad-message', 'foreign sender')),
      });
    }
    return (async (): Promise<Envelope<unknown>> => {
      try {
        const message = parseMessage(raw, target);
        const handler = handlers[message.type as MessageType<T>] as (
          m: unknown,
          s: SenderInfo,
        ) => Promise<unknown>;
        return { ok: true, value: await handler(message, sender) };
      } catch (error) {
        return { ok: false, error: toErrorInfo(error) };
      }
    })();
  };
}

/** Turns a response envelope back into a value, or throws the MoodtabError it carries. */
export function unwrapEnvelope<R>(envelope: unknown): R {
  const value = envelope as Envelope<R> | undefined;
  if (value && value.ok === true) return value.value;
  if (value && value.ok === false && isErrorCode(value.error?.code)) {
    throw new MoodtabError(value.error.code, value.error.detail);
  }
  throw new MoodtabError('internal', 'no response from the extension');
}
