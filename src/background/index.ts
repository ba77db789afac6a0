/**
 * Background: routes messages, runs shortcut captures, opens tabs. Its only state is transient:
 * the one-capture lock (captureController) and, on Chrome, the offscreen document being created
 * (captureHost). From storage it reads the settings, when a capture comes without them, and the
 * backend measured on this browser version, which it keeps when the engine measured a new one.
 */
import {
  browserVersion,
  cameraPermissionState,
  extensionIdentity,
  extensionUrl,
  loadStored,
  notifyProgress,
  onCommand,
  onMessage,
  openActionPopup,
  openOrFocusTab,
  openTab,
  saveStored,
  setActionBadge,
} from '../platform/browserApi';
import { BACKEND_CHOICE_KEY, parseBackendChoice, type StoredBackendChoice } from '../shared/backend';
import { ERROR_MESSAGES, toErrorInfo } from '../shared/errors';
import { createMessageListener } from '../shared/messages';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { createCaptureController, type CaptureOptions } from './captureController';
import { createCaptureHost } from './captureHost';

const DEFAULT_TITLE = 'Moodtab: capture my mood';
/** The popup captures as soon as it opens with this query (see usePopup). */
const CAPTURING_POPUP = 'popup.html?capture';

const host = createCaptureHost();
const controller = createCaptureController({
  host,
  loadSettings: async () => parseSettings(await loadStored(SETTINGS_KEY)),
  loadBackendChoice: async () => parseBackendChoice(await loadStored(BACKEND_CHOICE_KEY), browserVersion()),
  saveBackendChoice: ({ name, measured = {} }) =>
    saveStored(BACKEND_CHOICE_KEY, {
      name,
      browser: browserVersion(),
      measured,
    } satisfies StoredBackendChoice),
  openTab,
  cameraPermission: cameraPermissionState,
  // One permission tab at most: a second capture brings the open one to the front.
  openPermissionPage: () => openOrFocusTab(extensionUrl('permission.html')),
  notifyStage: notifyProgress,
});

const showFailure = (error: unknown) =>
  setActionBadge('!', `Moodtab: ${ERROR_MESSAGES[toErrorInfo(error).code]}`);

/** Any capture that succeeds, from the popup too, clears a "!" left by a failed shortcut capture. */
async function capture(settings?: Settings, options?: CaptureOptions) {
  const outcome = await controller.capture(settings, options);
  await setActionBadge('', DEFAULT_TITLE);
  return outcome;
}

onMessage(
  createMessageListener(
    'background',
    {
      'capture-mood': ({ settings, inBackground, capturePage }) =>
        capture(settings, { inBackground, countdown: settings.countdown, capturePage }),
      'open-recommendation': ({ mood, settings }) => controller.openFor(mood, settings),
      'warm-up': ({ capturePage }) => controller.warmUp(capturePage),
    },
    extensionIdentity(),
  ),
);

/**
 * No popup is open for a shortcut capture, so its outcome goes on the toolbar icon; nor is there
 * anywhere to show a countdown, so the snapshot is taken at once.
 */
async function captureFromShortcut(): Promise<void> {
  try {
    await capture();
  } catch (error) {
    // A capture already running will report for itself.
    if (toErrorInfo(error).code !== 'capture-in-progress') await showFailure(error);
  }
}

onCommand((command) => {
  if (command !== 'capture-mood') return;
  // Where only a visible page may use the camera, the popup captures and shows the outcome itself
  // (with the countdown, if the user keeps it on, as for a click).
  if (host.needsPopupToCapture) void openActionPopup(CAPTURING_POPUP).catch(showFailure);
  else void captureFromShortcut();
});
