/**
 * Background: routes messages, runs shortcut captures, opens tabs, opens the welcome page on
 * install, and writes the mood journal when the user keeps one. Its only state is transient: the
 * one-capture lock (captureController) and, on Chrome, the offscreen document being created
 * (captureHost). From storage it reads the settings, when a capture comes without them, the
 * journal preferences, and the backend measured on this browser version, which it keeps when the
 * engine measured a new one.
 */
import {
  browserVersion,
  cameraPermissionState,
  extensionIdentity,
  extensionUrl,
  loadStored,
  notifyProgress,
  onCommand,
  onInstalled,
  onMessage,
  openTab,
  saveStored,
  setActionBadge,
  storageArea,
} from '../platform/browserApi';
import { t } from '../platform/i18n';
import { BACKEND_CHOICE_KEY, parseBackendChoice, type StoredBackendChoice } from '../shared/backend';
import { errorMessageKey, toErrorInfo, type ErrorCode } from '../shared/errors';
import { JOURNAL_PREFS_KEY, parseJournalPrefs } from '../shared/journal';
import { createJournalStore } from '../shared/journalStore';
import { createMessageListener } from '../shared/messages';
import { parseSettings, SETTINGS_KEY } from '../shared/settings';
import { createCaptureController } from './captureController';
import { createCaptureHost } from './captureHost';
import { createJournalRecorder } from './journalRecorder';

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
  // The welcome page asks for the camera: a tab can show the prompt, this context cannot.
  openPermissionPage: () => openTab(extensionUrl('welcome.html#camera')),
  notifyStage: notifyProgress,
  journal: createJournalRecorder({
    loadPrefs: async () => parseJournalPrefs(await loadStored(JOURNAL_PREFS_KEY)),
    store: createJournalStore(storageArea),
  }),
});

onMessage(
  createMessageListener(
    'background',
    {
      'capture-mood': ({ settings, inBackground }) =>
        controller.capture(settings, { inBackground, countdown: settings.countdown }),
      'open-recommendation': ({ mood, settings, correcting }) =>
        controller.openFor(mood, settings, correcting),
      'warm-up': () => controller.warmUp(),
    },
    extensionIdentity(),
  ),
);

onInstalled(() => void openTab(extensionUrl('welcome.html')).catch(() => undefined));

const showFailure = (code: ErrorCode) => setActionBadge('!', t('badge_failed', t(errorMessageKey(code))));

/**
 * No popup is open for a shortcut capture, so its outcome goes on the toolbar icon; nor is there
 * anywhere to show a countdown, so the snapshot is taken at once.
 */
async function captureFromShortcut(): Promise<void> {
  try {
    const { journal } = await controller.capture();
    // The tab opened; a journal that could not be written is still worth telling.
    if (journal?.status === 'failed') return showFailure(journal.error);
  } catch (error) {
    const { code } = toErrorInfo(error);
    // A capture already running will report for itself.
    if (code !== 'capture-in-progress') await showFailure(code);
    return;
  }
  await setActionBadge('', t('actionTitle'));
}

onCommand((command) => {
  if (command === 'capture-mood') void captureFromShortcut();
});
