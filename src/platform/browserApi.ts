/**
 * The one module that touches extension APIs (ESLint enforces it). Everything else imports from
 * here, so tests replace this module (jest.mock, as the popup test does) rather than faking the
 * browser wholesale.
 */
import browser from 'webextension-polyfill';
import type { CaptureStage } from '../shared/capture';
import {
  unwrapEnvelope,
  type ExtensionIdentity,
  type MessageType,
  type RequestOf,
  type ResponseOf,
  type SenderInfo,
  type Target,
} from '../shared/messages';

export function extensionIdentity(): ExtensionIdentity {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('') };
}

export const extensionUrl = (path: string): string => browser.runtime.getURL(path);

/** Sends a typed request to another context and resolves with its typed response. */
export async function sendRequest<T extends Target, K extends MessageType<T>>(
  message: RequestOf<T, K>,
): Promise<ResponseOf<T, K>> {
  return unwrapEnvelope<ResponseOf<T, K>>(await browser.runtime.sendMessage(message));
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

export async function loadStored(key: string): Promise<unknown> {
  return (await browser.storage.local.get(key))[key];
}

export async function saveStored(key: string, value: unknown): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

export async function removeStored(key: string): Promise<void> {
  await browser.storage.local.remove(key);
}

/** Calls back with the key of each storage.local value that changes (in any context); returns the unsubscribe. */
export function onStoredChange(listener: (key: string) => void): () => void {
  const wrapped = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local') Object.keys(changes).forEach(listener);
  };
  browser.storage.onChanged.addListener(wrapped);
  return () => browser.storage.onChanged.removeListener(wrapped);
}

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
}
interface ChromeGlobal {
  offscreen?: OffscreenApi;
  runtime?: { getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]> };
}
const chromeGlobal = (): ChromeGlobal | undefined => (globalThis as { chrome?: ChromeGlobal }).chrome;

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

/** Camera permission as the browser reports it for our origin: 'granted', 'denied' or 'prompt'. */
export async function cameraPermissionState(): Promise<PermissionState | 'unknown'> {
  try {
    return (await navigator.permissions.query({ name: 'camera' })).state;
  } catch {
    return 'unknown'; // Firefox before 131 cannot query camera permission
  }
}

/** Shows a shortcut capture's outcome on the toolbar icon (no popup is open then). */
export async function setActionBadge(text: string, title: string, color = '#b3261e'): Promise<void> {
  await browser.action.setBadgeText({ text });
  await browser.action.setTitle({ title });
  if (text) await browser.action.setBadgeBackgroundColor({ color });
}

export const actionBadgeText = (): Promise<string> => browser.action.getBadgeText({});
