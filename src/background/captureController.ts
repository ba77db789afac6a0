import { recommend, type Recommendation } from '../shared/catalogue';
import { MoodtabError } from '../shared/errors';
import type { CaptureOutcome, CaptureStage } from '../shared/messages';
import type { MediaKind, Mood } from '../shared/moods';
import type { Settings } from '../shared/settings';
import type { CaptureHost } from './captureHost.types';

export interface CaptureControllerDeps {
  host: CaptureHost;
  loadSettings(): Promise<Settings>;
  openTab(url: string, active?: boolean): Promise<void>;
  cameraPermission(): Promise<PermissionState | 'unknown'>;
  openPermissionPage(): Promise<void>;
  notifyStage(stage: CaptureStage): void;
  /** Frames averaged per capture. */
  burstFrames?: number;
}

export interface CaptureController {
  /** Reads the mood and opens a matching tab; one capture at a time. */
  capture(media?: MediaKind, options?: { inBackground?: boolean }): Promise<CaptureOutcome>;
  /** Opens the tab for a mood the user picked by hand. */
  openFor(mood: Mood, media: MediaKind): Promise<Recommendation>;
  readonly busy: boolean;
}

export function createCaptureController(deps: CaptureControllerDeps): CaptureController {
  let busy = false;

  async function recommendationFor(mood: Mood, media: MediaKind | undefined): Promise<Recommendation> {
    const settings = await deps.loadSettings();
    const chosen = media ?? settings.media;
    return recommend(mood, chosen, { strategy: settings.strategy, providerId: settings.providers[chosen] });
  }

  async function askInTab(): Promise<never> {
    // Offscreen documents and background pages cannot show a permission prompt; a tab can.
    await deps.openPermissionPage();
    throw new MoodtabError('camera-permission-needed');
  }

  async function recognizeWithPermission() {
    const state = await deps.cameraPermission();
    if (state === 'denied') throw new MoodtabError('camera-permission-denied');
    if (state === 'prompt') return askInTab();
    try {
      return await deps.host.recognize(deps.burstFrames ?? 3);
    } catch (error) {
      // Where the browser cannot report the permission, a refusal may only mean "never asked".
      if (state === 'unknown' && error instanceof MoodtabError && error.code === 'camera-permission-denied') {
        return askInTab();
      }
      throw error;
    }
  }

  return {
    get busy() {
      return busy;
    },
    async capture(media, { inBackground = false } = {}) {
      if (busy) throw new MoodtabError('capture-in-progress');
      busy = true;
      try {
        const { result, cameraReleased } = await recognizeWithPermission();
        const recommendation = await recommendationFor(result.mood, media);
        deps.notifyStage('opening-tab');
        await deps.openTab(recommendation.url, !inBackground);
        return { result, recommendation, cameraReleased };
      } finally {
        busy = false;
      }
    },
    async openFor(mood, media) {
      const recommendation = await recommendationFor(mood, media);
      await deps.openTab(recommendation.url);
      return recommendation;
    },
  };
}
