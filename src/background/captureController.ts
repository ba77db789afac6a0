import type { BackendName, BackendReport } from '../model/backend';
import type { Verdict } from '../recommendation/bandit';
import {
  COUNTDOWN_SECONDS,
  type CaptureReading,
  type CaptureStage,
  type RecognizeRequest,
  type WarmUpReport,
} from '../model/capture';
import { unsureBetween } from '../model/confidence';
import { MoodtabError } from '../common/errors';
import { throwIfAborted } from '../common/waits';
import type { CaptureOutcome } from '../protocol/messages';
import { topMood, type Mood } from '../model/moods';
import { isAdjusted } from '../recommendation/personalCalibration';
import { applyOffsets, NO_OFFSETS, type MoodOffsets } from '../recommendation/personalFit';
import type { CaptureRef, Pick, PickRef } from '../recommendation/picks';
import type { RecommendationEvents } from '../recommendation/recommendationEvents';
import type { Settings } from '../recommendation/settings';
import type { CaptureHost } from './captureHost.types';
import type { Recommender } from './recommender';

/** Frames per capture, averaged: one blink or blur does not decide the mood. */
const BURST_FRAMES = 3;

export interface CaptureControllerDeps {
  host: Omit<CaptureHost, 'needsPopupToCapture' | 'closeIdle' | 'readPhoto'>;
  recommender: Recommender;
  events: RecommendationEvents;
  /** The stored settings, for captures that come without them (the keyboard shortcut). */
  loadSettings(): Promise<Settings>;
  /** The personal calibration's offsets on the log-probabilities (personalCalibration.ts). */
  loadAdjustment(): Promise<MoodOffsets>;
  /** The backend measured earlier on this browser version, if any. */
  loadBackendChoice(): Promise<BackendName | undefined>;
  /** Keeps a freshly measured choice, so later loads skip the micro-benchmark. */
  saveBackendChoice(report: BackendReport): Promise<void>;
  cameraPermission(): Promise<PermissionState | 'unknown'>;
  openPermissionPage(): Promise<void>;
  notifyStage(stage: CaptureStage): void;
  newId(): string;
}

export interface CaptureOptions {
  /** Open the tab without switching to it (the popup, which a tab switch closes, stays). */
  inBackground?: boolean;
  /** Count down before the snapshot (popup captures, where the numbers are shown). */
  countdown?: boolean;
  /**
   * An unsure reading: `ask` opens nothing and leaves the choice to the popup; `open` opens the
   * likeliest mood anyway (the shortcut, which has nowhere to ask and marks its badge instead).
   */
  whenUnsure?: 'ask' | 'open';
  /** The popup's own capture page, on Firefox (see CaptureHost.recognize). */
  capturePage?: string;
  /**
   * Aborts when the popup that asked closed: the capture stops wherever it is, the camera is
   * released, no tab opens and nothing is recorded. The shortcut's capture has none.
   */
  signal?: AbortSignal;
}

export interface PickOptions {
  inBackground?: boolean;
  /** The capture this pick corrects or answers. */
  capture?: CaptureRef;
  /** The tab the pick on screen opened: this pick loads there instead of in a new tab. */
  replaceTab?: number;
}

export interface CaptureController {
  /**
   * Starts loading the models (when the popup opens), so they are ready by the click.
   * `capturePage`: the opening popup's own capture page, on Firefox.
   */
  warmUp(capturePage?: string): Promise<WarmUpReport>;
  /**
   * Reads the mood and opens a matching tab; one capture at a time. `settings`: the popup's
   * current choices; without them (shortcut) the stored ones are used.
   */
  capture(settings?: Settings, options?: CaptureOptions): Promise<CaptureOutcome>;
  /** Opens the tab for a mood the user picked by hand, after a capture or without one. */
  openFor(mood: Mood, settings: Settings, options?: PickOptions): Promise<Pick>;
  /** Records "Good pick" / "Not for me" for an opened tab. */
  feedback(pick: PickRef, verdict: Verdict, replaces?: Verdict): Promise<void>;
  /**
   * Only reads the face, after the countdown: no tab, no listeners told ("Teach Moodtab your
   * face", whose prompts are not moods the user is in). Shares the one-capture lock.
   */
  readOnly(options?: { capturePage?: string; signal?: AbortSignal }): Promise<CaptureReading>;
}

const now = () => performance.now();

async function askInTab(deps: CaptureControllerDeps, signal: AbortSignal | undefined): Promise<never> {
  // Offscreen documents and background pages cannot show a permission prompt; a tab can.
  throwIfAborted(signal);
  await deps.openPermissionPage();
  throw new MoodtabError('camera-permission-needed');
}

/** Asks the host to read the mood once the camera may be used, or sends the user to allow it. */
async function recognizeWithPermission(
  deps: CaptureControllerDeps,
  request: RecognizeRequest,
  { capturePage, signal }: CaptureOptions,
): Promise<CaptureReading> {
  const state = await deps.cameraPermission();
  if (state === 'denied') throw new MoodtabError('camera-permission-denied');
  if (state === 'prompt') return askInTab(deps, signal);
  try {
    return await deps.host.recognize(request, capturePage, signal);
  } catch (error) {
    // Where the browser cannot report the permission, a refusal may only mean "never asked".
    if (state === 'unknown' && error instanceof MoodtabError && error.code === 'camera-permission-denied') {
      return askInTab(deps, signal);
    }
    throw error;
  }
}

async function storedBackend(deps: CaptureControllerDeps): Promise<BackendName | undefined> {
  try {
    return await deps.loadBackendChoice();
  } catch {
    return undefined; // unreadable storage: measure again rather than fail
  }
}

/**
 * Only a measured choice is kept: a stored one that was reused is already there, and a cpu
 * fallback with nothing measured (neither wasm nor webgl started) is worth another try next time.
 */
async function remember(deps: CaptureControllerDeps, report: BackendReport): Promise<void> {
  if (report.measured && Object.keys(report.measured).length > 0)
    await deps.saveBackendChoice(report).catch(() => undefined);
}

/**
 * Learning (bandit, calibration) and the mood journal after the tab has opened: a listener that
 * cannot write must not turn an opened tab into an error, so its failure is only logged (the
 * journal reports its own, see journalRecorder.ts).
 */
async function tell(...emits: (() => Promise<void>)[]): Promise<void> {
  for (const emit of emits) {
    await emit().catch(
      (error: unknown) => console.warn('Moodtab: a recommendation listener failed', error), // i18n-exempt: a developers' log
    );
  }
}

/** What a capture starts from: the choices (the popup's, else the stored ones), the backend, the adjustment. */
async function startingPoint(deps: CaptureControllerDeps, settings: Settings | undefined) {
  const [chosen, backend, factors] = await Promise.all([
    settings ?? deps.loadSettings(),
    storedBackend(deps),
    deps.loadAdjustment().catch(() => NO_OFFSETS),
  ]);
  return { chosen, backend, factors };
}

/** The camera's reading with the personal calibration applied: the mood it decides, and whether it is too unsure. */
function calibrated(reading: CaptureReading, factors: MoodOffsets) {
  const probabilities = applyOffsets(reading.result.probabilities, factors);
  return { probabilities, mood: topMood(probabilities), unsure: unsureBetween(probabilities) };
}
type Decision = ReturnType<typeof calibrated>;

/** Opens the decided mood's tab, unless the reading is unsure and the popup is to ask; how long it took. */
async function openUnlessAsking(
  deps: CaptureControllerDeps,
  { mood, unsure }: Decision,
  chosen: Settings,
  {
    inBackground,
    whenUnsure,
    captureId,
  }: { inBackground: boolean; whenUnsure: 'ask' | 'open'; captureId: string },
): Promise<{ pick?: Pick; ms: number }> {
  if (unsure && whenUnsure === 'ask') return { ms: 0 };
  deps.notifyStage('opening-tab');
  const started = now();
  const pick = await deps.recommender.open(mood, chosen, {
    active: !inBackground,
    source: 'camera',
    captureId,
  });
  return { pick, ms: now() - started };
}

/** Tells the listeners what the capture read and decided, and the tab it opened. */
function recordCapture(
  deps: CaptureControllerDeps,
  captureId: string,
  reading: CaptureReading,
  { mood, probabilities, unsure }: Decision,
  pick: Pick | undefined,
): Promise<void> {
  const at = Date.now();
  return tell(
    () =>
      deps.events.emit('captured', {
        captureId,
        at,
        camera: { mood: reading.result.mood, probabilities: reading.result.probabilities },
        adjusted: { mood, probabilities },
        ...(pick ? { shown: mood } : {}),
        ...(unsure ? { unsure } : {}),
      }),
    async () =>
      pick ? deps.events.emit('picked', { pick, at, reading: reading.result.probabilities }) : undefined,
  );
}

/**
 * One capture: settings, permission, reading, calibration, opening, recording. A cancelled one
 * stops before the next step; once its tab has opened, it is recorded as any other.
 */
async function runCapture(
  deps: CaptureControllerDeps,
  settings: Settings | undefined,
  options: CaptureOptions,
): Promise<CaptureOutcome> {
  const { inBackground = false, countdown = false, whenUnsure = 'ask', signal } = options;
  const started = now();
  const { chosen, backend, factors } = await startingPoint(deps, settings);
  throwIfAborted(signal);
  const countdownSeconds = countdown ? COUNTDOWN_SECONDS : 0;
  const reading = await recognizeWithPermission(
    deps,
    { frames: BURST_FRAMES, countdownSeconds, backend },
    options,
  );
  throwIfAborted(signal);
  const decision = calibrated(reading, factors);
  const captureId = deps.newId();
  const { pick, ms } = await openUnlessAsking(deps, decision, chosen, {
    inBackground,
    whenUnsure,
    captureId,
  });
  const timings = { ...reading.timings, ...(pick ? { openTab: ms } : {}), total: now() - started };
  await remember(deps, reading.backend);
  await recordCapture(deps, captureId, reading, decision, pick);
  const { mood, probabilities, unsure } = decision;
  return {
    ...reading,
    timings,
    captureId,
    adjusted: { mood, probabilities, changed: isAdjusted(factors) },
    ...(unsure ? { unsure } : {}),
    ...(pick ? { pick } : {}),
  };
}

/** Tells the listeners about a mood picked by hand: the capture it corrects, if any, and its tab. */
function recordPick(
  deps: CaptureControllerDeps,
  mood: Mood,
  pick: Pick,
  capture: CaptureRef | undefined,
): Promise<void> {
  const at = Date.now();
  return tell(
    async () =>
      capture
        ? deps.events.emit('corrected', {
            captureId: capture.id,
            at,
            camera: capture.camera,
            ...(capture.shown ? { from: capture.shown } : {}),
            to: mood,
          })
        : undefined,
    () => deps.events.emit('picked', { pick, at, ...(capture ? { reading: capture.probabilities } : {}) }),
  );
}

/** A countdown, then the camera's reading and nothing else. */
async function readFace(
  deps: CaptureControllerDeps,
  { capturePage, signal }: { capturePage?: string; signal?: AbortSignal },
): Promise<CaptureReading> {
  const backend = await storedBackend(deps);
  const reading = await recognizeWithPermission(
    deps,
    { frames: BURST_FRAMES, countdownSeconds: COUNTDOWN_SECONDS, backend },
    { capturePage, signal },
  );
  await remember(deps, reading.backend);
  return reading;
}

export function createCaptureController(deps: CaptureControllerDeps): CaptureController {
  let busy = false;
  async function exclusively<T>(run: () => Promise<T>): Promise<T> {
    if (busy) throw new MoodtabError('capture-in-progress');
    busy = true;
    try {
      return await run();
    } finally {
      busy = false;
    }
  }
  return {
    async warmUp(capturePage) {
      const report = await deps.host.warmUp(await storedBackend(deps), capturePage);
      await remember(deps, report.backend);
      return report;
    },
    capture: (settings, options = {}) => exclusively(() => runCapture(deps, settings, options)),
    readOnly: (options = {}) => exclusively(() => readFace(deps, options)),
    async openFor(mood, settings, { inBackground = false, capture: given, replaceTab } = {}) {
      // Picking the mood the capture already shows corrects nothing: it is one more pick.
      const capture = given?.shown === mood ? undefined : given;
      const source = !capture ? 'manual' : capture.shown ? 'corrected' : 'chosen';
      const pick = await deps.recommender.open(mood, settings, {
        active: !inBackground,
        source,
        ...(capture ? { captureId: capture.id } : {}),
        ...(replaceTab === undefined ? {} : { reuseTab: replaceTab }),
      });
      await recordPick(deps, mood, pick, capture);
      return pick;
    },
    async feedback(pick, verdict, replaces) {
      // Unlike learning after a tab opens, feedback is the request itself: its failure is reported.
      // (The journal, which keeps the verdict on the pick's entry, reports its own instead.)
      await deps.events.emit('feedback', {
        pick,
        verdict,
        ...(replaces ? { replaces } : {}),
        at: Date.now(),
      });
    },
  };
}
