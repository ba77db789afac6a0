import type { MessageKey } from '../common/i18n';
import type { CaptureStage } from '../model/capture';

/** What a page says while a capture is at each stage (the popup and the web app alike). */
export const STAGE_TEXT: Record<CaptureStage, MessageKey> = {
  'starting-camera': 'stage_startingCamera',
  countdown: 'stage_lookAtCamera',
  snapshot: 'stage_lookAtCamera',
  'loading-models': 'stage_loadingModels',
  'reading-mood': 'stage_readingMood',
  'opening-tab': 'stage_openingTab',
};
