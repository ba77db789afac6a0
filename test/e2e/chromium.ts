/**
 * Debian's Chromium with the built extension (dist/chrome) and a video file as the webcam, plus
 * what the e2e tests look at through the DevTools protocol: the service worker, the offscreen
 * document (tensors, JS heap, camera tracks left live), tabs and the badge.
 */
import type { CDPSession, Page, WebWorker } from 'puppeteer-core';
import {
  allowCamera,
  blockCamera,
  CHROME_EXTENSION,
  launchWithExtension,
  type ExtensionBrowser,
} from '../../src/node/chromium';

export { allowCamera, blockCamera, CHROME_EXTENSION, launchWithExtension };

/** The part of the service worker's chrome.* API the tests call (there is no @types/chrome here). */
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  tabs: { query(query: object): Promise<object[]> };
  commands: { onCommand: object };
};

export type Chromium = ExtensionBrowser;

/**
 * Opens the popup in a tab, once it can be used, noting every status line it shows (see
 * statusHistory), so a test can check what the user was told and in which order.
 */
export async function openPopup({ browser, origin }: Chromium): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}popup.html`);
  await page.locator('::-p-aria(Capture mood)').wait();
  await recordStatusHistory(page);
  return page;
}

/** From now on, the popup notes every status line it shows (see statusHistory). Any browser. */
export const recordStatusHistory = (popup: Page) =>
  popup.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { statusHistory: string[] }).statusHistory = seen;
    const status = document.querySelector('[role=status]')!;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });

/** Every status line the popup has shown since recordStatusHistory (openPopup calls it), in order. */
export const statusHistory = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { statusHistory: string[] }).statusHistory);

/**
 * Presses "Capture mood" and waits until the capture is over (the button is enabled again after
 * it was disabled), then returns the status line. Works in any browser puppeteer drives.
 */
export async function captureInPopup(popup: Page, timeout = 240_000): Promise<string> {
  await popup.evaluate(() => {
    const button = document.querySelector<HTMLButtonElement>('button.capture')!;
    const page = window as unknown as { captureOver?: boolean };
    page.captureOver = false;
    new MutationObserver((records, observer) => {
      // A record whose old value is "" is the button coming back from disabled.
      if (records.some((r) => r.oldValue !== null) && !button.disabled) {
        observer.disconnect();
        page.captureOver = true;
      }
    }).observe(button, { attributeFilter: ['disabled'], attributeOldValue: true });
    button.click();
  });
  await popup.waitForFunction(() => (window as unknown as { captureOver?: boolean }).captureOver, {
    timeout,
    polling: 100,
  });
  return popup.$eval('[role=status]', (el) => el.textContent ?? '');
}

/** Resolves with the URL of the next tab whose URL starts with `prefix`. */
export function nextTab({ browser }: Chromium, prefix: string, timeout = 240_000): Promise<string> {
  return browser
    .waitForTarget((target) => target.type() === 'page' && target.url().startsWith(prefix), { timeout })
    .then((target) => target.url());
}

export const openPages = ({ browser }: Chromium, prefix: string) =>
  browser.targets().filter((t) => t.type() === 'page' && t.url().startsWith(prefix));

export async function closePages(chromium: Chromium, prefix: string): Promise<void> {
  for (const target of openPages(chromium, prefix)) await (await target.asPage())?.close();
}

export async function serviceWorker({ browser }: Chromium): Promise<WebWorker> {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 30_000 });
  return (await target.worker())!;
}

export async function offscreenSession({ browser, origin }: Chromium, timeout = 60_000): Promise<CDPSession> {
  const target = await browser.waitForTarget((t) => t.url() === `${origin}offscreen.html`, { timeout });
  return target.createCDPSession();
}

/** The offscreen document, with its camera streams recorded from now on (see recordCameraStreams). */
export async function watchedOffscreen(chromium: Chromium, timeout = 60_000): Promise<CDPSession> {
  const session = await offscreenSession(chromium, timeout);
  await recordCameraStreams(session);
  return session;
}

export interface CaptureContextFigures {
  /** tfjs tensors alive in the context (the models' weights, once loaded). */
  tensors: number;
  /** JS heap in use after a full garbage collection, bytes. */
  heapBytes: number;
  /** readyState of every camera track the context opened since it is watched: "live" is a camera left on. */
  tracks: string[];
}

/** Tensors, heap and camera tracks of a page (the offscreen document), read through DevTools. */
export async function captureContextFigures(session: CDPSession): Promise<CaptureContextFigures> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  const tensors = await session.send('Runtime.evaluate', {
    // tfjs keeps its engine on the global object.
    expression: 'globalThis._tfengine ? globalThis._tfengine.state.numTensors : 0',
    returnByValue: true,
  });
  return {
    tensors: tensors.result.value as number,
    heapBytes: usedSize,
    tracks: await trackStates(session),
  };
}

/** Where the page keeps the camera streams it opened, once recorded. */
const RECORDED = 'moodtabTestCameraStreams';

/**
 * From now on, the page keeps every camera stream it opens (getUserMedia still answers as
 * before), so that trackStates can read their tracks after a capture. DevTools' heap query
 * (Runtime.queryObjects) would find them without help, but it crashes a renderer that runs
 * WebAssembly, as the capture page does with tfjs's wasm backend (Chromium 156).
 */
export async function recordCameraStreams(session: CDPSession): Promise<void> {
  await session.send('Runtime.evaluate', {
    expression: `(() => {
      if (globalThis.${RECORDED}) return;
      const streams = (globalThis.${RECORDED} = []);
      const devices = navigator.mediaDevices;
      const getUserMedia = devices.getUserMedia.bind(devices);
      devices.getUserMedia = async (constraints) => {
        const stream = await getUserMedia(constraints);
        streams.push(stream);
        return stream;
      };
    })()`,
  });
}

/** readyState of every track of every camera stream the page opened since recordCameraStreams. */
export async function trackStates(session: CDPSession): Promise<string[]> {
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
    expression: `globalThis.${RECORDED}.flatMap((stream) => stream.getTracks().map((track) => track.readyState))`,
    returnByValue: true,
  });
  // Not recorded: an empty list here would pass any check without meaning anything.
  if (exceptionDetails)
    throw new Error('the page was not watched: call recordCameraStreams before capturing');
  return result.value as string[];
}

/** The toolbar badge text, as the service worker set it. */
export const badgeText = async (chromium: Chromium): Promise<string> =>
  (await serviceWorker(chromium)).evaluate(() => chrome.action.getBadgeText({}));

/**
 * Runs the keyboard shortcut: headless Chromium does not turn key presses into extension
 * commands, so the command event is dispatched in the real service worker over DevTools, which
 * calls the listener the extension registered, with the active tab, as a key press would.
 */
export async function pressShortcut(chromium: Chromium, command = 'capture-mood'): Promise<void> {
  const worker = await serviceWorker(chromium);
  await worker.evaluate(async (name) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const event = chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void };
    event.dispatch(name, tab);
  }, command);
}
