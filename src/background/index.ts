/**
 * Background: routes messages, runs shortcut captures, opens tabs, opens the welcome page on
 * install. Its own state is transient (the one-capture lock, journal outcomes not yet sent, on
 * Chrome the offscreen document being created); what it keeps goes through the stored-state
 * registry (src/storage), and what learns on the device listens to the recommendation events.
 */
import {
  actionBadgeText,
  browserVersion,
  cameraPermissionState,
  extensionIdentity,
  extensionUrl,
  notifyProgress,
  onCapturePortClosed,
  onCommand,
  onInstalled,
  onMessage,
  openActionPopup,
  openOrFocusTab,
  openOrReuseTab,
  openTab,
  setActionBadge,
  storageArea,
} from '../platform/browserApi';
import { parseBackendChoice } from '../model/backend';
import { toErrorInfo } from '../common/errors';
import { throwIfAborted } from '../common/waits';
import type { Mood } from '../model/moods';
import type { JournalOutcome } from '../journal/journal';
import { createJournalStore } from '../journal/journalStore';
import { createMessageListener, type CaptureOutcome } from '../protocol/messages';
import { calibrationOffsets, taughtMoods, withTaught } from '../recommendation/personalCalibration';
import { createRecommendationEvents } from '../recommendation/recommendationEvents';
import type { Settings } from '../recommendation/settings';
import { openStoredState } from '../storage/registry';
import { BADGE } from './badgeTexts';
import { createCaptureCancels } from './captureCancels';
import { createCaptureController, type CaptureOptions } from './captureController';
import { createCaptureHost } from './captureHost';
import { createJournalRecorder } from '../journal/journalRecorder';
import { banditLearner, calibrationLearner } from './learning';
import { createRecommender } from './recommender';

/** The popup captures as soon as it opens with this query (see usePopup). */
const CAPTURING_POPUP = 'popup.html?capture';

const stored = openStoredState(storageArea);
const newId = () => crypto.randomUUID();

const journal = createJournalRecorder({
  loadPrefs: stored.journalPrefs.load,
  store: createJournalStore(stored),
});

/** Captures, picks, corrections and feedback: what learns from them, and the journal that keeps them. */
const recommendationEvents = createRecommendationEvents();
recommendationEvents.subscribe(banditLearner(stored.bandit));
recommendationEvents.subscribe(calibrationLearner(stored.personalCalibration));
recommendationEvents.subscribe(journal.listener);

const host = createCaptureHost();
const controller = createCaptureController({
  host,
  recommender: createRecommender({
    loadMapping: stored.mapping.load,
    loadBandit: stored.bandit.load,
    random: Math.random,
    newId,
    openTab: openOrReuseTab,
  }),
  events: recommendationEvents,
  loadSettings: stored.settings.load,
  loadAdjustment: async () => calibrationOffsets(await stored.personalCalibration.load()),
  loadBackendChoice: async () => parseBackendChoice(await stored.backendChoice.load(), browserVersion()),
  saveBackendChoice: ({ name, measured = {} }) =>
    stored.backendChoice.set({ name, browser: browserVersion(), measured }),
  cameraPermission: cameraPermissionState,
  // The welcome page asks for the camera: a tab can show the prompt, this context cannot. One
  // such tab at most: a second capture brings the open one to the front, at its camera section.
  openPermissionPage: () => openOrFocusTab(extensionUrl('welcome.html'), 'camera'),
  notifyStage: notifyProgress,
  newId,
});

const showFailure = (error: unknown) =>
  setActionBadge(BADGE.failed.text, BADGE.failed.title(toErrorInfo(error).code));

/** A "?" left by an unsure shortcut capture is answered once the user picks a mood in the popup. */
async function clearUnsureBadge(): Promise<void> {
  if ((await actionBadgeText().catch(() => '')) === BADGE.unsure.text)
    await setActionBadge('', BADGE.idleTitle());
}

/** What the journal did for a pick, for the response that carries it; absent when the journal is off. */
function journalOf(pick: { id: string } | undefined): { journal?: JournalOutcome } {
  const outcome = pick && journal.takeOutcome(pick.id);
  return outcome ? { journal: outcome } : {};
}

/** A popup's capture is cancelled when the port it holds for it closes: the popup closed. */
const cancels = createCaptureCancels();
onCapturePortClosed(cancels.portClosed);

/**
 * A popup capture that succeeds also clears what the toolbar icon says about an earlier shortcut
 * capture (its "!" or "?"): the popup shows this capture's own outcome.
 */
async function captureInPopup(
  settings: Settings,
  options: CaptureOptions,
  cancelWith: string | undefined,
): Promise<CaptureOutcome> {
  const signal = cancelWith ? cancels.signalFor(cancelWith) : undefined;
  try {
    const outcome = await controller.capture(settings, { ...options, ...(signal ? { signal } : {}) });
    await setActionBadge('', BADGE.idleTitle()).catch(() => undefined);
    return outcome;
  } finally {
    if (cancelWith) cancels.finished(cancelWith);
  }
}

/**
 * One "Teach Moodtab your face" prompt: the face's reading kept as that mood's example. A page
 * closed during the read cancels it (its port, as for a popup's capture) and keeps nothing.
 */
async function teach(mood: Mood, capturePage: string | undefined, cancelWith: string | undefined) {
  const signal = cancelWith ? cancels.signalFor(cancelWith) : undefined;
  try {
    const { result } = await controller.readOnly({ capturePage, ...(signal ? { signal } : {}) });
    throwIfAborted(signal);
    await stored.personalCalibration.update((state) => withTaught(state, mood, result.probabilities));
    const taught = taughtMoods(await stored.personalCalibration.load());
    return { mood, read: result.mood, taught };
  } finally {
    if (cancelWith) cancels.finished(cancelWith);
  }
}

onMessage(
  createMessageListener(
    'background',
    {
      'capture-mood': async ({ settings, inBackground, capturePage, cancelWith }) => {
        const options = { inBackground, countdown: settings.countdown, capturePage };
        const outcome = await captureInPopup(settings, options, cancelWith);
        return { ...outcome, ...journalOf(outcome.pick) };
      },
      'open-recommendation': async ({ mood, settings, inBackground, capture, replaceTab }) => {
        const pick = await controller.openFor(mood, settings, { inBackground, capture, replaceTab });
        await clearUnsureBadge();
        return { ...pick, ...journalOf(pick) };
      },
      'recommendation-feedback': async ({ pick, verdict, replaces }) => {
        await controller.feedback(pick, verdict, replaces);
        return { recorded: true as const, ...journalOf(pick) };
      },
      'warm-up': ({ capturePage }) => controller.warmUp(capturePage),
      'teach-mood': ({ mood, capturePage, cancelWith }) => teach(mood, capturePage, cancelWith),
      'capture-page-idle': async () => ({ closed: await host.closeIdle() }),
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
    // A capture already running will report for itself.
    if (toErrorInfo(error).code !== 'capture-in-progress') await showFailure(error);
    return;
  }
  const { unsure, pick } = outcome;
  const noted = journalOf(pick).journal;
  if (unsure && pick)
    await setActionBadge(BADGE.unsure.text, BADGE.unsure.title(unsure, pick), BADGE.unsure.color);
  // The tab opened; a journal that could not be written is still worth telling.
  else if (noted?.status === 'failed')
    await setActionBadge(BADGE.failed.text, BADGE.failed.title(noted.error));
  else await setActionBadge('', BADGE.idleTitle());
}

onInstalled(() => void openTab(extensionUrl('welcome.html')).catch(() => undefined));

onCommand((command) => {
  if (command !== 'capture-mood') return;
  // Where only a visible page may use the camera, the popup captures and shows the outcome itself
  // (with the countdown, if the user keeps it on, as for a click).
  if (host.needsPopupToCapture) void openActionPopup(CAPTURING_POPUP).catch(showFailure);
  else void captureFromShortcut();
});
