/**
 * The one module that touches extension APIs (ESLint enforces it). Everything else imports from
 * here, so tests replace this module (jest.mock, as the popup test does) rather than faking the
 * browser wholesale. Browser failures leave it as MoodtabErrors a user can read.
 */
import browser from 'webextension-polyfill';
import type { CaptureStage } from '../model/capture';
import { MoodtabError } from '../common/errors';
import { sleep, throwIfAborted, withLimit } from '../common/waits';
import {
  CAPTURE_PORT_PREFIX,
  ROUND_TRIP_MS,
  unwrapEnvelope,
  type ExtensionIdentity,
  type MessageType,
  type RequestOf,
  type ResponseOf,
  type SenderInfo,
  type Target,
} from '../protocol/messages';
import type { StorageBackend } from '../storage/backend';

export function extensionIdentity(): ExtensionIdentity {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('') };
}

export const extensionUrl = (path: string): string => browser.runtime.getURL(path);

const NO_RECEIVER = /Receiving end does not exist/i;
const RECEIVER_POLL_MS = 200;

export interface SendOptions {
  /**
   * How long to keep trying while no context answers yet (a page still loading; Firefox resolves
   * with nothing when other pages listen but none answers).
   */
  waitForReceiverMs?: number;
  /** Stops waiting for the answer (with the abort reason) once aborted. */
  signal?: AbortSignal;
}

/** Sends `message` until some context answers, or the receiver wait ends. */
async function askUntilAnswered(message: object, waitForReceiverMs: number): Promise<unknown> {
  const deadline = Date.now() + waitForReceiverMs;
  for (;;) {
    let envelope: unknown;
    try {
      envelope = await browser.runtime.sendMessage(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (!NO_RECEIVER.test(text) || Date.now() >= deadline) throw new MoodtabError('interrupted', text);
    }
    if (envelope !== undefined || Date.now() >= deadline) return envelope;
    await sleep(RECEIVER_POLL_MS); // nobody answered yet: ask again shortly
  }
}

/**
 * Sends a typed request to another context and resolves with its typed response. A channel that
 * closes before the answer (its page closed, the service worker stopped) is `interrupted`; an
 * answer that takes longer than the message's ROUND_TRIP_MS is `no-answer`.
 */
export async function sendRequest<T extends Target, K extends MessageType<T>>(
  message: RequestOf<T, K>,
  { waitForReceiverMs = 0, signal }: SendOptions = {},
): Promise<ResponseOf<T, K>> {
  // A request cancelled before it left (the popup closed while the document opened) is never sent.
  throwIfAborted(signal);
  const limits: Record<string, number> = ROUND_TRIP_MS[message.target];
  const envelope = await withLimit(askUntilAnswered(message, waitForReceiverMs), {
    ms: limits[message.type],
    code: 'no-answer',
    detail: `no answer to ${message.target}/${message.type}`,
    signal,
  });
  return unwrapEnvelope<ResponseOf<T, K>>(envelope);
}

/**
 * The popup holds this port open while its capture runs: when the popup closes, the port closes
 * with it and the background cancels the capture (onCapturePortClosed). Returns the close.
 */
export function holdCapturePort(id: string): () => void {
  const port = browser.runtime.connect({ name: `${CAPTURE_PORT_PREFIX}${id}` });
  return () => port.disconnect();
}

/** The background hears that a capture's port closed: its popup closed, or the capture ended. */
export function onCapturePortClosed(listener: (id: string) => void): void {
  browser.runtime.onConnect.addListener((port) => {
    // onConnect hears only this extension's own pages; other extensions use onConnectExternal.
    if (!port.name.startsWith(CAPTURE_PORT_PREFIX)) return;
    const id = port.name.slice(CAPTURE_PORT_PREFIX.length);
    port.onDisconnect.addListener(() => listener(id));
  });
}

/** Fire-and-forget notification (e.g. progress); nobody listening is fine. */
function notify<T extends Target, K extends MessageType<T>>(message: RequestOf<T, K>): void {
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/**
 * Tells an open popup how far a capture got (nobody listening is fine): the download fraction
 * while loading models, the number shown during the countdown.
 */
export function notifyProgress(
  stage: CaptureStage,
  { progress, secondsLeft }: { progress?: number; secondsLeft?: number } = {},
): void {
  notify({
    target: 'popup',
    type: 'capture-progress',
    stage,
    ...(progress === undefined ? {} : { progress }),
    ...(secondsLeft === undefined ? {} : { secondsLeft }),
  });
}

/** Sends an open popup a preview frame of the countdown (nobody listening is fine); see capture-preview. */
export function notifyPreview(jpeg: string): void {
  notify({ target: 'popup', type: 'capture-preview', jpeg });
}

/** Names this browser and its version: a measured backend choice holds only for the same one. */
export const browserVersion = (): string => navigator.userAgent;

type MessageListener = (raw: unknown, sender: SenderInfo) => Promise<unknown> | undefined;

export function onMessage(listener: MessageListener): () => void {
  const wrapped = (raw: unknown, sender: browser.Runtime.MessageSender) => listener(raw, sender);
  browser.runtime.onMessage.addListener(wrapped);
  return () => browser.runtime.onMessage.removeListener(wrapped);
}

export function onCommand(listener: (command: string) => void): void {
  browser.commands.onCommand.addListener(listener);
}

export async function openTab(url: string, active = true): Promise<void> {
  await browser.tabs.create({ url, active });
}

/**
 * Opens a recommendation: in the tab `reuse` (an earlier pick's, replaced by this one) while it is
 * still open, else in a new one. Returns the tab's id.
 */
export async function openOrReuseTab(
  url: string,
  active: boolean,
  reuse?: number,
): Promise<number | undefined> {
  if (reuse !== undefined) {
    // Closed since, or never ours to reach: a new tab it is.
    const updated = await browser.tabs
      .update(reuse, { url, ...(active ? { active } : {}) })
      .catch(() => undefined);
    if (updated?.id !== undefined) return updated.id;
  }
  return (await browser.tabs.create({ url, active })).id;
}

/** Makes a tab the active one in its window, and that window the focused one. */
export async function showTab(tabId: number): Promise<void> {
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

/**
 * Brings an already open tab of this page (one of our own) to the front, or opens one. `section`:
 * the fragment to show it at; an open tab elsewhere on the page moves there without reloading.
 */
export async function openOrFocusTab(url: string, section?: string): Promise<void> {
  const target = section ? `${url}#${section}` : url;
  // The pattern's "*" takes any fragment or query, where a browser matches them at all.
  const [open] = await browser.tabs.query({ url: `${url}*` });
  if (open?.id === undefined) return openTab(target);
  await browser.tabs.update(open.id, { active: true, ...(open.url === target ? {} : { url: target }) });
  if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
}

/**
 * Opens the toolbar popup at `path` (e.g. with a query the popup acts on), then restores the
 * manifest's popup for later clicks. Firefox allows this without a user gesture.
 */
export async function openActionPopup(path: string): Promise<void> {
  const popup = (await browser.action.getPopup({})) || 'popup.html';
  await browser.action.setPopup({ popup: path });
  try {
    await browser.action.openPopup();
  } finally {
    await browser.action.setPopup({ popup });
  }
}

export async function loadStored(key: string): Promise<unknown> {
  return (await browser.storage.local.get(key))[key];
}

/** A full storage area refuses the write whole, so what was stored before stays as it was. */
export async function saveStored(key: string, value: unknown): Promise<void> {
  await saveAllStored({ [key]: value });
}

/** One storage.local.set: the browser checks the quota for all the values and writes all or none. */
export async function saveAllStored(values: Record<string, unknown>): Promise<void> {
  try {
    await browser.storage.local.set(values);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/quota/i.test(text)) throw new MoodtabError('storage-full', text);
    throw error;
  }
}

export async function removeStored(key: string): Promise<void> {
  await browser.storage.local.remove(key);
}

/**
 * Calls `listener` with the new value whenever `key` changes in storage.local, from any of the
 * extension's contexts (a capture recorded while the options page is open); returns the unsubscribe.
 */
export function watchStored(key: string, listener: (value: unknown) => void): () => void {
  const wrapped = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && Object.prototype.hasOwnProperty.call(changes, key))
      listener(changes[key]!.newValue);
  };
  browser.storage.onChanged.addListener(wrapped);
  return () => browser.storage.onChanged.removeListener(wrapped);
}

/**
 * storage.local as the backend of the stored-state registry (src/storage), the only caller of the
 * functions above. Its lock is the Web Locks API, which every page and the service worker of one
 * extension share, so a write in one context never interleaves with another's.
 */
export const storageArea: StorageBackend = {
  load: loadStored,
  save: saveStored,
  saveAll: saveAllStored,
  remove: removeStored,
  watch: watchStored,
  exclusive: async (name, task) => await navigator.locks.request(name, task),
};

/** Runs `listener` when the extension is installed (not on updates or browser restarts). */
export function onInstalled(listener: () => void): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') listener();
  });
}

export const openOptionsPage = (): Promise<void> => browser.runtime.openOptionsPage();

/**
 * Which browser's words and settings paths to show (Firefox names its extension pages
 * moz-extension://). What the browser can do is asked of the API itself: hasOffscreenDocuments.
 */
export const isFirefox = (): boolean => browser.runtime.getURL('').startsWith('moz-extension:');

/** The keys that run the capture command now ('' when the user removed them). */
export async function captureShortcut(): Promise<string> {
  const commands = await browser.commands.getAll();
  return commands.find((command) => command.name === 'capture-mood')?.shortcut ?? '';
}

/** Opens where the shortcut is changed: Firefox's Manage Extension Shortcuts, Chrome's shortcuts page. */
export async function openShortcutSettings(): Promise<void> {
  if (isFirefox()) return browser.commands.openShortcutSettings();
  await openTab('chrome://extensions/shortcuts');
}

/** Opens Chrome's camera settings, where a blocked extension is allowed again (Firefox lets no extension open its settings). */
export const openCameraSettings = (): Promise<void> => openTab('chrome://settings/content/camera');

/** Whether the optional host permission for these origins is held now. */
export async function hasHostPermission(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins });
}

/**
 * Asks the user for an optional host permission. Call it first thing in a click handler, before
 * any await: Firefox accepts the request only while it handles the user's input.
 */
export function requestHostPermission(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

export async function removeHostPermission(origins: string[]): Promise<boolean> {
  return browser.permissions.remove({ origins });
}

// Chrome's offscreen API is not in the polyfill's types (Firefox has none); reach it via chrome.*.
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?(): Promise<boolean>;
  closeDocument(): Promise<void>;
}
interface ChromeGlobal {
  offscreen?: OffscreenApi;
  runtime?: { getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]> };
}
const chromeGlobal = (): ChromeGlobal | undefined => (globalThis as { chrome?: ChromeGlobal }).chrome;

/**
 * Whether this browser has offscreen documents (Chrome). Where it has none (Firefox), the capture
 * page runs inside the popup, because Firefox never lets a background page use the camera.
 */
export const hasOffscreenDocuments = (): boolean => chromeGlobal()?.offscreen !== undefined;

export async function hasOffscreenDocument(): Promise<boolean> {
  const chrome = chromeGlobal();
  if (chrome?.runtime?.getContexts) {
    return (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0;
  }
  return (await chrome?.offscreen?.hasDocument?.()) ?? false;
}

export async function createOffscreenDocument(path: string, justification: string): Promise<void> {
  const offscreen = chromeGlobal()?.offscreen;
  if (!offscreen) throw new Error('This browser has no offscreen documents');
  await offscreen.createDocument({ url: path, reasons: ['USER_MEDIA'], justification });
}

/** Closes the offscreen document (and the models it holds); the next capture or warm-up opens a new one. */
export async function closeOffscreenDocument(): Promise<void> {
  await chromeGlobal()?.offscreen?.closeDocument();
}

/**
 * False only when the browser lists no video input at all (no camera plugged in). Listing devices
 * needs no permission and answers at once, where asking the capture page can wait up to a second
 * behind its model load. Undefined when the browser cannot tell, or not within `waitMs` (Firefox
 * holds the answer while the page is not focused): then the capture itself asks.
 */
export async function hasCamera(waitMs = 200): Promise<boolean | undefined> {
  const listed = (async () => {
    const devices = await navigator.mediaDevices?.enumerateDevices();
    return devices ? devices.some((device) => device.kind === 'videoinput') : undefined;
  })().catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, waitMs, undefined)));
  try {
    return await Promise.race([listed, late]);
  } finally {
    clearTimeout(timer);
  }
}

export type CameraPermission = PermissionState | 'unknown';

/** Camera permission as the browser reports it for our origin: 'granted', 'denied' or 'prompt'. */
export async function cameraPermissionState(): Promise<CameraPermission> {
  try {
    return (await navigator.permissions.query({ name: 'camera' })).state;
  } catch {
    return 'unknown'; // Firefox before 131 cannot query camera permission
  }
}

/** Calls `listener` with the camera permission now and whenever it changes (e.g. re-allowed in settings). */
export async function watchCameraPermission(listener: (state: CameraPermission) => void): Promise<void> {
  try {
    const status = await navigator.permissions.query({ name: 'camera' });
    listener(status.state);
    status.addEventListener('change', () => listener(status.state));
  } catch {
    listener('unknown');
  }
}

/** Shows a shortcut capture's outcome on the toolbar icon (no popup is open then). */
export async function setActionBadge(text: string, title: string, color = '#b3261e'): Promise<void> {
  await browser.action.setBadgeText({ text });
  await browser.action.setTitle({ title });
  if (text) await browser.action.setBadgeBackgroundColor({ color });
}

export const actionBadgeText = (): Promise<string> => browser.action.getBadgeText({});
