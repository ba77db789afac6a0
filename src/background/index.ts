/**
 * Background: routes messages, runs shortcut captures, opens tabs. Its only state is transient:
 * the one-capture lock (captureController) and, on Chrome, the offscreen document being created
 * (captureHost). From storage it reads the settings, when a capture comes without them, the
 * backend measured on this browser version (kept when the engine measured a new one), the user's
 * mapping; it keeps what learns on the device: the bandit's ratings and the personal calibration.
 */
import {
  actionBadgeText,
  browserVersion,
  cameraPermissionState,
  extensionIdentity,
  extensionUrl,
  loadStored,
  notifyProgress,
  onCommand,
  onMessage,
  openTab,
  saveStored,
  setActionBadge,
} from '../platform/browserApi';
import { BACKEND_CHOICE_KEY, parseBackendChoice, type StoredBackendChoice } from '../shared/backend';
import { BANDIT_KEY, parseBanditState } from '../shared/bandit';
import { toErrorInfo } from '../shared/errors';
import { MAPPING_KEY, parseStoredMapping } from '../shared/mapping';
import { createMessageListener, type CaptureOutcome } from '../shared/messages';
import { adjustmentFactors, CALIBRATION_KEY, parseCounts } from '../shared/personalCalibration';
import { createRecommendationEvents } from '../shared/recommendationEvents';
import { parseSettings, SETTINGS_KEY } from '../shared/settings';
import { BADGE } from './badgeTexts';
import { createCaptureController } from './captureController';
import { createCaptureHost } from './captureHost';
import { banditLearner, calibrationLearner } from './learning';
import { createRecommender } from './recommender';
import { createStore } from './storedState';

const storage = { load: loadStored, save: saveStored };
const bandit = createStore(BANDIT_KEY, parseBanditState, storage);
const calibration = createStore(CALIBRATION_KEY, parseCounts, storage);
const newId = () => crypto.randomUUID();

/** Captures, picks, corrections and feedback; the mood journal subscribes here too when it is on. */
const recommendationEvents = createRecommendationEvents();
recommendationEvents.subscribe(banditLearner(bandit));
recommendationEvents.subscribe(calibrationLearner(calibration));

const controller = createCaptureController({
  host: createCaptureHost(),
  recommender: createRecommender({
    loadMapping: async () => parseStoredMapping(await loadStored(MAPPING_KEY)),
    loadBandit: bandit.load,
    random: Math.random,
    newId,
    openTab,
  }),
  events: recommendationEvents,
  loadSettings: async () => parseSettings(await loadStored(SETTINGS_KEY)),
  loadAdjustment: async () => adjustmentFactors(await calibration.load()),
  loadBackendChoice: async () => parseBackendChoice(await loadStored(BACKEND_CHOICE_KEY), browserVersion()),
  saveBackendChoice: ({ name, measured = {} }) =>
    saveStored(BACKEND_CHOICE_KEY, {
      name,
      browser: browserVersion(),
      measured,
    } satisfies StoredBackendChoice),
  cameraPermission: cameraPermissionState,
  openPermissionPage: () => openTab(extensionUrl('permission.html')),
  notifyStage: notifyProgress,
  newId,
});

/** A "?" left by an unsure shortcut capture is answered once the user picks a mood in the popup. */
async function clearUnsureBadge(): Promise<void> {
  if ((await actionBadgeText().catch(() => '')) === BADGE.unsure.text)
    await setActionBadge('', BADGE.idleTitle);
}

onMessage(
  createMessageListener(
    'background',
    {
      'capture-mood': ({ settings, inBackground }) =>
        controller.capture(settings, { inBackground, countdown: settings.countdown }),
      'open-recommendation': async ({ mood, settings, inBackground, capture }) => {
        const pick = await controller.openFor(mood, settings, { inBackground, capture });
        await clearUnsureBadge();
        return pick;
      },
      'recommendation-feedback': async ({ pick, verdict, replaces }) => {
        await controller.feedback(pick, verdict, replaces);
        return { recorded: true as const };
      },
      'warm-up': () => controller.warmUp(),
    },
    extensionIdentity(),
  ),
);

/**
 * No popup is open for a shortcut capture, so its outcome goes on the toolbar icon; nor is there
 * anywhere to show a countdown, so the snapshot is taken at once, nor to ask "calm or sad?", so an
 * unsure reading opens the likeliest mood and the badge says "?" until the user checks.
 */
async function captureFromShortcut(): Promise<void> {
  let outcome: CaptureOutcome;
  try {
    outcome = await controller.capture(undefined, { whenUnsure: 'open' });
  } catch (error) {
    const { code } = toErrorInfo(error);
    // A capture already running will report for itself.
    if (code !== 'capture-in-progress') await setActionBadge(BADGE.failed.text, BADGE.failed.title(code));
    return;
  }
  const { unsure, pick } = outcome;
  if (unsure && pick)
    await setActionBadge(BADGE.unsure.text, BADGE.unsure.title(unsure, pick), BADGE.unsure.color);
  else await setActionBadge('', BADGE.idleTitle);
}

onCommand((command) => {
  if (command === 'capture-mood') void captureFromShortcut();
});
