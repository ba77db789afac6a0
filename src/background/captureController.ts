import type { BackendName, BackendReport } from '../model/backend';
import type { Verdict } from '../recommendation/bandit';
import {
  COUNTDOWN_SECONDS,
  type CaptureStage,
  type RecognizeRequest,
  type WarmUpReport,
} from '../model/capture';
import { unsureBetween } from '../model/confidence';
import { MoodtabError } from '../common/errors';
import type { CaptureOutcome } from '../protocol/messages';
import { topMood, type Mood } from '../model/moods';
import {
  applyFactors,
  isAdjusted,
  NO_ADJUSTMENT,
  type MoodFactors,
} from '../recommendation/personalCalibration';
import type { CaptureRef, Pick, PickRef } from '../recommendation/picks';
import type { RecommendationEvents } from '../recommendation/recommendationEvents';
import type { Settings } from '../recommendation/settings';
import type { CaptureHost } from './captureHost.types';
import type { Recommender } from './recommender';

/** Frames per capture, averaged: one blink or blur does not decide the mood. */
const BURST_FRAMES = 3;

export interface CaptureControllerDeps {
  host: Omit<CaptureHost, 'needsPopupToCapture'>;
  recommender: Recommender;
  events: RecommendationEvents;
  /** The stored settings, for captures that come without them (the keyboard shortcut). */
  loadSettings(): Promise<Settings>;
  /** The personal calibration's prior factors (personalCalibration.ts). */
  loadAdjustment(): Promise<MoodFactors>;
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
}

export interface PickOptions {
  inBackground?: boolean;
  /** The capture this pick corrects or answers. */
  capture?: CaptureRef;
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
}

const now = () => performance.now();

export function createCaptureController(deps: CaptureControllerDeps): CaptureController {
  let busy = false;

  async function askInTab(): Promise<never> {
    // Offscreen documents and background pages cannot show a permission prompt; a tab can.
    await deps.openPermissionPage();
    throw new MoodtabError('camera-permission-needed');
  }

  async function recognizeWithPermission(request: RecognizeRequest, capturePage?: string) {
    const state = await deps.cameraPermission();
    if (state === 'denied') throw new MoodtabError('camera-permission-denied');
    if (state === 'prompt') return askInTab();
    try {
      return await deps.host.recognize(request, capturePage);
    } catch (error) {
      // Where the browser cannot report the permission, a refusal may only mean "never asked".
      if (state === 'unknown' && error instanceof MoodtabError && error.code === 'camera-permission-denied') {
        return askInTab();
      }
      throw error;
    }
  }

  async function storedBackend(): Promise<BackendName | undefined> {
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
  async function remember(report: BackendReport): Promise<void> {
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

  return {
    async warmUp(capturePage) {
      const report = await deps.host.warmUp(await storedBackend(), capturePage);
      await remember(report.backend);
      return report;
    },
    async capture(
      settings,
      { inBackground = false, countdown = false, whenUnsure = 'ask', capturePage } = {},
    ) {
      if (busy) throw new MoodtabError('capture-in-progress');
      busy = true;
      try {
        const started = now();
        const [chosen, backend, factors] = await Promise.all([
          settings ?? deps.loadSettings(),
          storedBackend(),
          deps.loadAdjustment().catch(() => NO_ADJUSTMENT),
        ]);
        const reading = await recognizeWithPermission(
          { frames: BURST_FRAMES, countdownSeconds: countdown ? COUNTDOWN_SECONDS : 0, backend },
          capturePage,
        );
        const probabilities = applyFactors(reading.result.probabilities, factors);
        const mood = topMood(probabilities);
        const unsure = unsureBetween(probabilities);
        const captureId = deps.newId();
        let pick: Pick | undefined;
        let openTab = 0;
        if (!unsure || whenUnsure === 'open') {
          deps.notifyStage('opening-tab');
          const tabStarted = now();
          pick = await deps.recommender.open(mood, chosen, {
            active: !inBackground,
            source: 'camera',
            captureId,
          });
          openTab = now() - tabStarted;
        }
        const timings = { ...reading.timings, ...(pick ? { openTab } : {}), total: now() - started };
        await remember(reading.backend);
        const at = Date.now();
        await tell(
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
            pick
              ? deps.events.emit('picked', { pick, at, reading: reading.result.probabilities })
              : undefined,
        );
        return {
          ...reading,
          timings,
          captureId,
          adjusted: { mood, probabilities, changed: isAdjusted(factors) },
          ...(unsure ? { unsure } : {}),
          ...(pick ? { pick } : {}),
        };
      } finally {
        busy = false;
      }
    },
    async openFor(mood, settings, { inBackground = false, capture: given } = {}) {
      // Picking the mood the capture already shows corrects nothing: it is one more pick.
      const capture = given?.shown === mood ? undefined : given;
      const source = !capture ? 'manual' : capture.shown ? 'corrected' : 'chosen';
      const pick = await deps.recommender.open(mood, settings, {
        active: !inBackground,
        source,
        ...(capture ? { captureId: capture.id } : {}),
      });
      const at = Date.now();
      await tell(
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
        () =>
          deps.events.emit('picked', { pick, at, ...(capture ? { reading: capture.probabilities } : {}) }),
      );
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
