/** Background: routes messages, runs shortcut captures, opens tabs. Holds no state but settings reads. */
import {
  cameraPermissionState,
  extensionIdentity,
  extensionUrl,
  loadStored,
  notifyProgress,
  onCommand,
  onMessage,
  openTab,
  setActionBadge,
} from '../platform/browserApi';
import { ERROR_MESSAGES, toErrorInfo } from '../shared/errors';
import { createMessageListener } from '../shared/messages';
import { parseSettings, SETTINGS_KEY } from '../shared/settings';
import { createCaptureController } from './captureController';
import { createCaptureHost } from './captureHost';

const DEFAULT_TITLE = 'Moodtab: capture my mood';

const controller = createCaptureController({
  host: createCaptureHost(),
  loadSettings: async () => parseSettings(await loadStored(SETTINGS_KEY)),
  openTab,
  cameraPermission: cameraPermissionState,
  openPermissionPage: () => openTab(extensionUrl('permission.html')),
  notifyStage: notifyProgress,
});

onMessage(
  createMessageListener(
    'background',
    {
      'capture-mood': ({ media, inBackground }) => controller.capture(media, { inBackground }),
      'open-recommendation': ({ mood, media }) => controller.openFor(mood, media),
    },
    extensionIdentity(),
  ),
);

onCommand((command) => {
  if (command !== 'capture-mood') return;
  controller.capture().then(
    () => setActionBadge('', DEFAULT_TITLE),
    (error) => {
      const info = toErrorInfo(error);
      if (info.code !== 'capture-in-progress') setActionBadge('!', `Moodtab: ${ERROR_MESSAGES[info.code]}`);
    },
  );
});
