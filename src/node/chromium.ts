/**
 * Debian's Chromium with the built extension (dist/chrome) and a video file as the webcam, for
 * the e2e tests and the browser bench. No GPU is assumed: WebGL runs in SwiftShader.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Target } from 'puppeteer-core';
import { ROOT } from './modelPaths';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_EXTENSION = join(ROOT, 'dist', 'chrome');

/** As a user's machine without a GPU: no sandbox (containers), no background traffic, WebGL in SwiftShader. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  // The extension speaks the browser's language; the tests read its English.
  '--lang=en-US',
];

/** `args` may name another --lang, which then replaces the English default. */
export const launchChromium = (args: string[] = [], extensions: string[] = []): Promise<Browser> =>
  puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    ...(extensions.length ? { enableExtensions: extensions } : {}),
    args: [
      ...CHROMIUM_ARGS.filter(
        (arg) => !(arg.startsWith('--lang=') && args.some((a) => a.startsWith('--lang='))),
      ),
      ...args,
    ],
  });

export interface ExtensionBrowser {
  browser: Browser;
  /** chrome-extension://<id>/ */
  origin: string;
  /** The extension's service worker. */
  worker: Target;
  /** The welcome tab the extension opens on install. */
  welcome: Target;
}

/**
 * A fresh profile each time, so every launch starts cold: nothing stored, no model loaded.
 * video: the fake webcam's picture (a .y4m file), or null for a machine with no camera at all.
 * extension: the unpacked extension to load (default dist/chrome; a tampered copy, for fault tests).
 * lang: the browser's language (default en-US), which the extension's pages speak.
 */
export async function launchWithExtension(
  video: string | null,
  extension = CHROME_EXTENSION,
  { lang }: { lang?: string } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extension, 'manifest.json')))
    throw new Error(`run \`npm run build\` first: ${extension} is missing`);
  const browser = await launchChromium(
    [
      ...(video ? ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`] : []),
      // --lang picks the extension's messages; --accept-lang the language the pages' Intl formats in.
      ...(lang ? [`--lang=${lang}`, `--accept-lang=${lang}`] : []),
    ],
    [extension],
  );
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 30_000 });
  const origin = worker.url().replace(/background\.js$/, '');
  // Waited for, so that it does not open in front of (and pause) a page the caller opens next.
  const welcome = await browser.waitForTarget((t) => t.url() === `${origin}welcome.html`, {
    timeout: 30_000,
  });
  return { browser, origin, worker, welcome };
}

/** Grants the extension the camera, as the first-use permission page would. */
export const allowCamera = ({ browser, origin }: ExtensionBrowser) =>
  browser.defaultBrowserContext().overridePermissions(origin.replace(/\/$/, ''), ['camera']);

/**
 * Blocks the camera for the extension, as a user who answered "Block" (or blocked it in the
 * browser's settings): the permission then reads `denied` everywhere in the extension.
 */
export const blockCamera = ({ browser, origin }: ExtensionBrowser) =>
  browser
    .defaultBrowserContext()
    .setPermission(origin.replace(/\/$/, ''), { permission: { name: 'camera' }, state: 'denied' });

/** Writes to the extension's storage.local through its service worker (e.g. settings, a backend choice). */
export async function seedStorage(
  { worker }: ExtensionBrowser,
  items: Record<string, unknown>,
): Promise<void> {
  const context = await worker.worker();
  if (!context) throw new Error('the extension service worker is not running');
  await context.evaluate(
    // Runs in the extension's service worker, not in Node.
    (values) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set(values),
    items,
  );
}

type WorkerChrome = {
  chrome: {
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
    tabs: { query(filter: object): Promise<{ url?: string; pendingUrl?: string; active: boolean }[]> };
    permissions: { getAll(): Promise<{ origins?: string[] }> };
  };
};

async function serviceWorker({ worker }: ExtensionBrowser) {
  const context = await worker.worker();
  if (!context) throw new Error('the extension service worker is not running');
  return context;
}

/** Reads one value of the extension's storage.local through its service worker. */
export async function readStorage(extension: ExtensionBrowser, key: string): Promise<unknown> {
  const context = await serviceWorker(extension);
  // Runs in the extension's service worker, not in Node.
  return context.evaluate(
    async (name) => (await (globalThis as unknown as WorkerChrome).chrome.storage.local.get(name))[name],
    key,
  );
}

/** Every tab's URL (or the URL it is loading) and whether it is the active one. */
export async function tabList(extension: ExtensionBrowser): Promise<{ url: string; active: boolean }[]> {
  const context = await serviceWorker(extension);
  return context.evaluate(async () =>
    (await (globalThis as unknown as WorkerChrome).chrome.tabs.query({})).map((tab) => ({
      url: tab.pendingUrl || tab.url || '',
      active: tab.active,
    })),
  );
}

/** The host permissions the extension holds now (granted at install or at run time). */
export async function grantedOrigins(extension: ExtensionBrowser): Promise<string[]> {
  const context = await serviceWorker(extension);
  return context.evaluate(
    async () => (await (globalThis as unknown as WorkerChrome).chrome.permissions.getAll()).origins ?? [],
  );
}

/**
 * tsx (esbuild) wraps functions in `__name(...)` calls to keep their names; a function handed to
 * page.evaluate runs in the page, where no `__name` exists. Pages that evaluate ours get a no-op one.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = (fn) => fn;';
