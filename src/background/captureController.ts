import type { BackendName, BackendReport } from '../shared/backend';
import { recommend, type Recommendation } from '../shared/catalogue';
import {
  COUNTDOWN_SECONDS,
  type CaptureStage,
  type RecognizeRequest,
  type WarmUpReport,
} from '../shared/capture';
import { MoodtabError } from '../shared/errors';
import type { CaptureOutcome } from '../shared/messages';
import type { Mood } from '../shared/moods';
import { providerIdFor, type Settings } from '../shared/settings';
import type { CaptureHost } from './captureHost.types';

/** Frames per capture, averaged: one blink or blur does not decide the mood. */
const BURST_FRAMES = 3;

export interface CaptureControllerDeps {
  host: Pick<CaptureHost, 'warmUp' | 'recognize'>;
  /** The stored settings, for captures that come without them (the keyboard shortcut). */
  loadSettings(): Promise<Settings>;
  /** The backend measured earlier on this browser version, if any. */
  loadBackendChoice(): Promise<BackendName | undefined>;
  /** Keeps a freshly measured choice, so later loads skip the micro-benchmark. */
  saveBackendChoice(report: BackendReport): Promise<void>;
  openTab(url: string, active?: boolean): Promise<void>;
  cameraPermission(): Promise<PermissionState | 'unknown'>;
  openPermissionPage(): Promise<void>;
  notifyStage(stage: CaptureStage): void;
}

export interface CaptureOptions {
  /** Open the tab without switching to it (the popup, which a tab switch closes, stays). */
  inBackground?: boolean;
  /** Count down before the snapshot (popup captures, where the numbers are shown). */
  countdown?: boolean;
  /** The popup's own capture page, on Firefox (see CaptureHost.recognize). */
  capturePage?: string;
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
  /** Opens the tab for a mood the user picked by hand. */
  openFor(mood: Mood, settings: Settings): Promise<Recommendation>;
}

const recommendationFor = (mood: Mood, settings: Settings): Recommendation =>
  recommend(mood, settings.media, { strategy: settings.strategy, providerId: providerIdFor(settings) });

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

  return {
    async warmUp(capturePage) {
      const report = await deps.host.warmUp(await storedBackend(), capturePage);
      await remember(report.backend);
      return report;
    },
    async capture(settings, { inBackground = false, countdown = false, capturePage } = {}) {
      if (busy) throw new MoodtabError('capture-in-progress');
      busy = true;
      try {
        const started = now();
        const [chosen, backend] = await Promise.all([settings ?? deps.loadSettings(), storedBackend()]);
        const reading = await recognizeWithPermission(
          { frames: BURST_FRAMES, countdownSeconds: countdown ? COUNTDOWN_SECONDS : 0, backend },
          capturePage,
        );
        const recommendation = recommendationFor(reading.result.mood, chosen);
        deps.notifyStage('opening-tab');
        const tabStarted = now();
        await deps.openTab(recommendation.url, !inBackground);
        const timings = { ...reading.timings, openTab: now() - tabStarted, total: now() - started };
        await remember(reading.backend);
        return { ...reading, timings, recommendation };
      } finally {
        busy = false;
      }
    },
    async openFor(mood, settings) {
      const recommendation = recommendationFor(mood, settings);
      await deps.openTab(recommendation.url);
      return recommendation;
    },
  };
}
