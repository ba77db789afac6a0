import { recommend, type Recommendation } from '../shared/catalogue';
import type { CaptureStage } from '../shared/capture';
import { MoodtabError } from '../shared/errors';
import type { CaptureOutcome } from '../shared/messages';
import type { Mood } from '../shared/moods';
import { providerIdFor, type Settings } from '../shared/settings';
import type { CaptureHost } from './captureHost.types';

/** Frames per capture, averaged: one blink or blur does not decide the mood. */
const BURST_FRAMES = 3;

export interface CaptureControllerDeps {
  host: Pick<CaptureHost, 'recognize'>;
  /** The stored settings, for captures that come without them (the keyboard shortcut). */
  loadSettings(): Promise<Settings>;
  openTab(url: string, active?: boolean): Promise<void>;
  cameraPermission(): Promise<PermissionState | 'unknown'>;
  openPermissionPage(): Promise<void>;
  notifyStage(stage: CaptureStage): void;
}

export interface CaptureOptions {
  /** Open the tab without switching to it. */
  inBackground?: boolean;
  /** The popup's own capture page, on Firefox (see CaptureHost.recognize). */
  capturePage?: string;
}

export interface CaptureController {
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

export function createCaptureController(deps: CaptureControllerDeps): CaptureController {
  let busy = false;

  async function askInTab(): Promise<never> {
    // Offscreen documents and background pages cannot show a permission prompt; a tab can.
    await deps.openPermissionPage();
    throw new MoodtabError('camera-permission-needed');
  }

  async function recognizeWithPermission(capturePage?: string) {
    const state = await deps.cameraPermission();
    if (state === 'denied') throw new MoodtabError('camera-permission-denied');
    if (state === 'prompt') return askInTab();
    try {
      return await deps.host.recognize(BURST_FRAMES, capturePage);
    } catch (error) {
      // Where the browser cannot report the permission, a refusal may only mean "never asked".
      if (state === 'unknown' && error instanceof MoodtabError && error.code === 'camera-permission-denied') {
        return askInTab();
      }
      throw error;
    }
  }

  return {
    async capture(settings, { inBackground = false, capturePage } = {}) {
      if (busy) throw new MoodtabError('capture-in-progress');
      busy = true;
      try {
        const chosen = settings ?? (await deps.loadSettings());
        const { result, cameraReleased } = await recognizeWithPermission(capturePage);
        const recommendation = recommendationFor(result.mood, chosen);
        deps.notifyStage('opening-tab');
        await deps.openTab(recommendation.url, !inBackground);
        return { result, recommendation, cameraReleased };
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
