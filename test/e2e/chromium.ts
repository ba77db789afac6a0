/**
 * Debian's Chromium with the built extension (dist/chrome) and a video file as the webcam, plus
 * what the e2e tests look at through the DevTools protocol: the service worker, the offscreen
 * document (tensors, JS heap, live camera tracks), tabs and the badge.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page, type WebWorker } from 'puppeteer-core';
import { ROOT } from '../../src/node/modelPaths';

/** The part of the service worker's chrome.* API the tests call (there is no @types/chrome here). */
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  tabs: { query(query: object): Promise<object[]> };
  commands: { onCommand: object };
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_EXTENSION = join(ROOT, 'dist', 'chrome');

export interface Chromium {
  browser: Browser;
  /** chrome-extension://<id>/ */
  origin: string;
}

export async function launchChromium(video: string, extension = CHROME_EXTENSION): Promise<Chromium> {
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`run \`npm run build\` first: ${extension} is missing`);
  }
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    enableExtensions: [extension],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 30_000 });
  return { browser, origin: worker.url().replace(/background\.js$/, '') };
}

/** What a user does once on the permission page: allow the camera for the extension's origin. */
export const allowCamera = ({ browser, origin }: Chromium) =>
  browser.defaultBrowserContext().overridePermissions(origin.replace(/\/$/, ''), ['camera']);

export async function openPopup({ browser, origin }: Chromium): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}popup.html`);
  await page.locator('::-p-aria(Capture mood)').wait();
  return page;
}

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

export interface CaptureContextFigures {
  /** tfjs tensors alive in the context (the models' weights, once loaded). */
  tensors: number;
  /** JS heap in use after a full garbage collection, bytes. */
  heapBytes: number;
  /** readyState of every MediaStreamTrack still on the heap: "live" is a camera left on. */
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

/** Every object on the page's heap whose prototype is `prototype` (an expression). */
async function heapObjects(session: CDPSession, prototype: string): Promise<string> {
  const { result } = await session.send('Runtime.evaluate', { expression: prototype });
  const { objects } = await session.send('Runtime.queryObjects', { prototypeObjectId: result.objectId! });
  return objects.objectId!;
}

/**
 * readyState of every camera track on the page's heap: those of every MediaStream and every
 * MediaStreamTrack object still there (a track has no JS object until code asks a stream for it).
 */
export async function trackStates(session: CDPSession): Promise<string[]> {
  const streams = await heapObjects(session, 'MediaStream.prototype');
  const tracks = await heapObjects(session, 'MediaStreamTrack.prototype');
  const states = await session.send('Runtime.callFunctionOn', {
    objectId: tracks,
    arguments: [{ objectId: streams }],
    functionDeclaration: `function (streams) {
      const all = new Set([...this, ...streams.flatMap((stream) => stream.getTracks())]);
      return [...all].map((track) => track.readyState);
    }`,
    returnByValue: true,
  });
  for (const objectId of [streams, tracks]) await session.send('Runtime.releaseObject', { objectId });
  return states.result.value as string[];
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
