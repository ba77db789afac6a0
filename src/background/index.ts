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
  openTab,
  saveStored,
  setActionBadge,
} from '../platform/browserApi';
import { BACKEND_CHOICE_KEY, parseBackendChoice, type StoredBackendChoice } from '../shared/backend';
import { ERROR_MESSAGES, toErrorInfo } from '../shared/errors';
import { createMessageListener } from '../shared/messages';
import { parseSettings, SETTINGS_KEY } from '../shared/settings';
import { createCaptureController } from './captureController';
import { createCaptureHost } from './captureHost';

const DEFAULT_TITLE = 'Moodtab: capture my mood';

const controller = createCaptureController({
  host: createCaptureHost(),
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
  openPermissionPage: () => openTab(extensionUrl('permission.html')),
  notifyStage: notifyProgress,
});

onMessage(
  createMessageListener(
    'background',
    {
      'capture-mood': ({ settings, inBackground }) =>
        controller.capture(settings, { inBackground, countdown: settings.countdown }),
      'open-recommendation': ({ mood, settings }) => controller.openFor(mood, settings),
      'warm-up': () => controller.warmUp(),
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
    await controller.capture();
  } catch (error) {
    const { code } = toErrorInfo(error);
    // A capture already running will report for itself.
    if (code !== 'capture-in-progress') await setActionBadge('!', `Moodtab: ${ERROR_MESSAGES[code]}`);
    return;
  }
  await setActionBadge('', DEFAULT_TITLE);
}

onCommand((command) => {
  if (command === 'capture-mood') void captureFromShortcut();
});
