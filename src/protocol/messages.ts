/**
 * The message protocol between extension contexts, in one place.
 *
 * Every message is `{target, type, ...fields}`. `Protocol[target][type]` gives the request's
 * fields and its response type, so a handler map and a sender are both fully typed. Listeners
 * ignore messages for other targets and reject senders that are not this extension's own pages,
 * messages over MAX_REQUEST_CHARS, unknown types and fields, and invalid values.
 */
import { isVerdict, type Verdict } from '../recommendation/bandit';
import { isBackendName, type BackendName } from '../model/backend';
import {
  isCaptureStage,
  MAX_COUNTDOWN_SECONDS,
  type CaptureReading,
  type CaptureStage,
  type RecognizeRequest,
  type WarmUpReport,
} from '../model/capture';
import { isErrorCode, MoodtabError, toErrorInfo, type ErrorInfo } from '../common/errors';
import type { JournalOutcome } from '../journal/journal';
import { fitsWithin } from './messageSize';
import {
  CAPTURE_ROUND_TRIP_MS,
  READ_PHOTO_ROUND_TRIP_MS,
  RECOGNIZE_ROUND_TRIP_MS,
  REQUEST_ROUND_TRIP_MS,
  WARM_UP_ROUND_TRIP_MS,
} from '../model/limits';
import { isMood, type Mood, type MoodProbabilities } from '../model/moods';
import type { PhotoReading } from '../model/recognition';
import {
  CAPTURE_REF_FIELDS,
  PICK_REF_FIELDS,
  type CaptureRef,
  type Pick,
  type PickRef,
} from '../recommendation/picks';
import {
  describe,
  fieldsProblem,
  isRecord,
  nested,
  optional,
  ownValue,
  required,
  type FieldRule,
} from '../common/records';
import { isSettings, type Settings } from '../recommendation/settings';

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

/** One prompt of "Teach Moodtab your face": what the camera read for the face made for `mood`. */
export interface TeachOutcome {
  mood: Mood;
  read: Mood;
  /** The moods taught so far, this one included. */
  taught: Mood[];
}

/** The tab opened for a mood picked by hand, and its journal entry (absent when the journal is off). */
export interface PickOutcome extends Pick {
  journal?: JournalOutcome;
}

/**
 * capturePage: the id of a popup's own capture page (Firefox), the one that must act; where
 * several are open (a popup in a tab and the toolbar popup) the others ignore the request.
 */
interface ToCapturePage {
  capturePage?: string;
}

/**
 * A photo to read (the options page's photo reader). `photo` names it: a random UUID the asking
 * page offers the file under (src/protocol/photoChannel.ts), never its pixels, which an extension
 * message could not carry; the capture page, of the same extension origin, takes the file from it
 * over a same-origin BroadcastChannel. `face`: which face to read (0, the largest, by default).
 */
interface PhotoRequest extends ToCapturePage {
  photo: string;
  face?: number;
}

export interface Protocol {
  background: {
    /**
     * settings: the popup's current choices, so the background never reads a stale stored copy;
     * settings.countdown also says whether to count down before the snapshot.
     * inBackground: open the tab without switching to it, so the popup (which closes on a tab switch) stays.
     * cancelWith: the id of the port the popup holds open for this capture (CAPTURE_PORT_PREFIX);
     * when it closes (the popup closed), the capture is cancelled wherever it is.
     */
    'capture-mood': {
      request: { settings: Settings; inBackground?: boolean; cancelWith?: string } & ToCapturePage;
      response: CaptureOutcome;
    };
    /**
     * A mood picked by hand. inBackground: as for capture-mood. capture: the capture this pick
     * corrects or answers (the popup's "Calm or sad?"); absent for a pick without a capture.
     * replaceTab: the tab the pick on screen opened, to load this one in rather than open another.
     */
    'open-recommendation': {
      request: {
        mood: Mood;
        settings: Settings;
        inBackground?: boolean;
        capture?: CaptureRef;
        replaceTab?: number;
      };
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
    /**
     * Sent when the popup opens: start loading the models now, so they are ready at the click
     * (in the offscreen document on Chrome; on Firefox in the popup's own capture page).
     */
    'warm-up': { request: ToCapturePage; response: WarmUpReport };
    /**
     * "Teach Moodtab your face": reads the face the user makes for `mood` after a countdown and
     * keeps only the camera's five probabilities as that mood's example; no tab, no journal.
     */
    'teach-mood': {
      /** cancelWith: the port the teaching page holds open for this read, as for capture-mood. */
      request: { mood: Mood; cancelWith?: string } & ToCapturePage;
      response: TeachOutcome;
    };
    /**
     * The capture page has had no request for CAPTURE_PAGE_IDLE_MS: Chrome's offscreen document is
     * closed, unless a request is under way; `closed`: it was.
     */
    'capture-page-idle': { request: Record<never, never>; response: { closed: boolean } };
    /**
     * Reads the mood in a photo (the options page): where its faces are and one face's reading,
     * in the capture page (Chrome's offscreen document, or the asking page's capture frame on
     * Firefox). Nothing is kept: no journal, no tab, no example.
     */
    'read-photo': { request: PhotoRequest; response: PhotoReading };
  };
  offscreen: {
    /** backend: the choice stored for this browser version, if any. */
    'warm-up': { request: { backend?: BackendName } & ToCapturePage; response: WarmUpReport };
    'recognize-mood': { request: RecognizeRequest & ToCapturePage; response: CaptureReading };
    /** Stops the capture under way, if any (its popup closed); `cancelled`: there was one. */
    'cancel-capture': { request: ToCapturePage; response: { cancelled: boolean } };
    /** Takes the photo offered under its id (src/protocol/photoChannel.ts), decodes it and reads it. */
    'read-photo': { request: PhotoRequest; response: PhotoReading };
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
    /**
     * During the countdown, a few times a second: the camera's picture as a small JPEG (base64,
     * about 160px wide), so the user can frame their face. Shown and dropped, never kept.
     */
    'capture-preview': { request: { jpeg: string }; response: { acknowledged: true } };
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
/**
 * No request needs more than a few hundred characters; this refuses floods before any check reads
 * them. Only requests are capped: they are what a listener receives from the outside. Responses
 * are this extension's own answers to its own requests, and a capture's holds the 48x48 face crop
 * (2304 grey levels, about 9,000 characters).
 */
export const MAX_REQUEST_CHARS = 4096;

/**
 * A preview frame is a 160x120 JPEG, a few kB; this leaves room for a detailed picture and still
 * refuses floods. Only capture-preview may be this large, every other request keeps MAX_REQUEST_CHARS.
 */
export const MAX_PREVIEW_JPEG_CHARS = 32_000;
const MAX_PREVIEW_REQUEST_CHARS = MAX_PREVIEW_JPEG_CHARS + 100;

type Fields = Record<string, unknown>;
const isBoolean = (value: unknown) => typeof value === 'boolean';
const isIntegerIn = (min: number, max: number) => (value: unknown) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const isBurstSize = isIntegerIn(1, MAX_BURST_FRAMES);
const isCountdown = isIntegerIn(0, MAX_COUNTDOWN_SECONDS);
/** The number shown during a countdown: 0 is never shown, the snapshot is taken then. */
const isSecondsLeft = isIntegerIn(1, MAX_COUNTDOWN_SECONDS);
const isFraction = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1;
/** A capture page's id: a random UUID (crypto.randomUUID). */
const isCapturePageId = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value);
const toCapturePage = { capturePage: optional(isCapturePageId) };
/** A photo's id: a random UUID, like a capture page's (src/protocol/photoChannel.ts). */
export const isPhotoId = isCapturePageId;
/** The most faces a photo's face choice offers: a face number is below it. */
export const MAX_PHOTO_FACES = 100;
const isFaceIndex = isIntegerIn(0, MAX_PHOTO_FACES - 1);
const photoRequest = { photo: required(isPhotoId), face: optional(isFaceIndex), ...toCapturePage };
/** Base64 (the JPEG's bytes, no data: prefix), within MAX_PREVIEW_JPEG_CHARS. */
const isPreviewJpeg = (value: unknown) =>
  typeof value === 'string' &&
  value.length > 0 &&
  value.length <= MAX_PREVIEW_JPEG_CHARS &&
  value.length % 4 === 0 &&
  /^[A-Za-z0-9+/]+={0,2}$/.test(value);
/** A browser tab id: a non-negative integer. */
const isTabId = isIntegerIn(0, Number.MAX_SAFE_INTEGER);

/** A capture's cancel port is named this prefix and the id its capture-mood request names. */
export const CAPTURE_PORT_PREFIX = 'moodtab-capture:';
/** The id of a capture's cancel port: a random UUID, like a capture page's. */
export const isCancelId = isCapturePageId;

/** Every field of every request, and nothing else: a field added to Protocol must be added here. */
type Schema<T extends Target, K extends MessageType<T>> = {
  [F in keyof Spec<T, K>['request']]-?: FieldRule;
};
const SCHEMAS: { [T in Target]: { [K in MessageType<T>]: Schema<T, K> } } = {
  background: {
    'capture-mood': {
      settings: required(isSettings),
      inBackground: optional(isBoolean),
      cancelWith: optional(isCancelId),
      ...toCapturePage,
    },
    'open-recommendation': {
      mood: required(isMood),
      settings: required(isSettings),
      inBackground: optional(isBoolean),
      capture: nested(CAPTURE_REF_FIELDS, { isOptional: true }),
      replaceTab: optional(isTabId),
    },
    'recommendation-feedback': {
      pick: nested(PICK_REF_FIELDS),
      verdict: required(isVerdict),
      replaces: optional(isVerdict),
    },
    'warm-up': { ...toCapturePage },
    'teach-mood': { mood: required(isMood), cancelWith: optional(isCancelId), ...toCapturePage },
    'capture-page-idle': {},
    'read-photo': photoRequest,
  },
  offscreen: {
    'warm-up': { backend: optional(isBackendName), ...toCapturePage },
    'recognize-mood': {
      frames: required(isBurstSize),
      countdownSeconds: required(isCountdown),
      backend: optional(isBackendName),
      ...toCapturePage,
    },
    'cancel-capture': { ...toCapturePage },
    'read-photo': photoRequest,
  },
  popup: {
    'capture-progress': {
      stage: required(isCaptureStage),
      progress: optional(isFraction),
      secondsLeft: optional(isSecondsLeft),
    },
    'capture-preview': { jpeg: required(isPreviewJpeg) },
  },
};

/**
 * How long each request may wait for its answer (src/model/limits.ts), after which the sender
 * gives up with `no-answer`: a context that hangs or went away never blocks its sender for good.
 */
export const ROUND_TRIP_MS: { [T in Target]: { [K in MessageType<T>]: number } } = {
  background: {
    'capture-mood': CAPTURE_ROUND_TRIP_MS,
    'open-recommendation': REQUEST_ROUND_TRIP_MS,
    'recommendation-feedback': REQUEST_ROUND_TRIP_MS,
    'warm-up': WARM_UP_ROUND_TRIP_MS + REQUEST_ROUND_TRIP_MS,
    'capture-page-idle': REQUEST_ROUND_TRIP_MS,
    'teach-mood': CAPTURE_ROUND_TRIP_MS,
    'read-photo': READ_PHOTO_ROUND_TRIP_MS + REQUEST_ROUND_TRIP_MS,
  },
  offscreen: {
    'warm-up': WARM_UP_ROUND_TRIP_MS,
    'recognize-mood': RECOGNIZE_ROUND_TRIP_MS,
    'cancel-capture': REQUEST_ROUND_TRIP_MS,
    'read-photo': READ_PHOTO_ROUND_TRIP_MS,
  },
  popup: { 'capture-progress': REQUEST_ROUND_TRIP_MS, 'capture-preview': REQUEST_ROUND_TRIP_MS },
};

const isTarget = (value: unknown): value is Target => ownValue(SCHEMAS, value) !== undefined;

/** The target a raw message claims, or undefined when it is not a Moodtab message at all. */
export function targetOf(raw: unknown): Target | undefined {
  if (!isRecord(raw) || !Object.hasOwn(raw, 'target')) return undefined;
  return isTarget(raw.target) ? raw.target : undefined;
}

const badMessage = (detail: string) => new MoodtabError('bad-message', detail);

/** The one request with a larger size limit: read before the size check, so only its type is looked at. */
const isPreviewFrame = (raw: unknown) =>
  isRecord(raw) && raw.target === 'popup' && raw.type === 'capture-preview';

/** Checks a raw message against the protocol; throws MoodtabError('bad-message') saying what is wrong. */
export function parseMessage<T extends Target>(raw: unknown, target: T): Message & { target: T } {
  if (targetOf(raw) !== target) throw badMessage(`not addressed to ${target}`);
  const limit = isPreviewFrame(raw) ? MAX_PREVIEW_REQUEST_CHARS : MAX_REQUEST_CHARS;
  if (!fitsWithin(raw, limit)) throw badMessage(`larger than ${limit} characters`);
  const fields = raw as Fields;
  const schema = ownValue<Record<string, FieldRule>>(SCHEMAS[target], fields.type);
  if (!schema) throw badMessage(`unknown ${target} message type ${describe(fields.type)}`);
  const problem = fieldsProblem(fields, schema, { alsoAllowed: ['target', 'type'] });
  if (problem) throw badMessage(`${problem} in ${target}/${fields.type as string}`);
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

type AnyHandler = (request: unknown, sender: SenderInfo) => Promise<unknown>;
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
      return Promise.resolve({ ok: false, error: toErrorInfo(badMessage('foreign sender')) });
    }
    return (async (): Promise<Envelope<unknown>> => {
      try {
        const message = parseMessage(raw, target);
        const handler = ownValue(handlers as Record<string, AnyHandler>, message.type);
        if (!handler) throw badMessage(`no handler for ${target}/${message.type}`);
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
    const { detail } = value.error;
    throw new MoodtabError(value.error.code, typeof detail === 'string' ? detail : undefined);
  }
  throw new MoodtabError('internal', 'no response from the extension');
}
