/**
 * The web app (dist/web) timed as bench:browser times the extension: served on localhost by
 * http-server (as `npm run serve:web`), in Debian's Chromium with the same fake webcam, countdown
 * off, in a fresh profile (so the first capture is cold: the page opens, "Capture mood" is clicked
 * at once while the models load), then `warm` more. A capture is timed from the click to its
 * result on screen with the link to the pick, the web app's counterpart of the extension's tab.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { DEFAULT_SETTINGS } from '../recommendation/settings';
import { SETTINGS_KEY } from '../storage/registry';
import { launchChromium } from './chromium';
import { ROOT } from './modelPaths';

const WEB = join(ROOT, 'dist', 'web');

interface StaticServer {
  server: {
    address(): AddressInfo | string | null;
    listen(port: number, host: string, done: () => void): void;
  };
  close(): void;
}
// http-server, the server of `npm run serve:web`, ships no types; this is the part of it used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const httpServer = require('http-server') as { createServer(options: object): StaticServer };

async function serveWebApp(): Promise<{ origin: string; server: StaticServer }> {
  if (!existsSync(join(WEB, 'index.html')))
    throw new Error('run `npm run build:web` first: dist/web is missing');
  const server = httpServer.createServer({ root: WEB, cache: -1, showDir: false, logFn: undefined });
  await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { origin: `http://localhost:${port}/`, server };
}

/**
 * Stores the settings with the countdown off, as the app's storage keeps them (IndexedDB `moodtab`,
 * store `values`), from a page of the same origin that runs none of the app's code.
 */
async function storeCountdownOff(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}manifest.webmanifest`);
  await page.evaluate(
    (key, settings) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('moodtab', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('values');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('values', 'readwrite');
          transaction.objectStore('values').put(settings, key);
          transaction.oncomplete = () => (open.result.close(), resolve());
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    SETTINGS_KEY,
    { ...DEFAULT_SETTINGS, countdown: false },
  );
}

/** Clicks "Capture mood" and waits for this capture's result with its link; the milliseconds between. */
async function captureOnce(page: Page): Promise<number> {
  const button = await page.locator('button.capture').waitHandle();
  const box = (await button.boundingBox())!;
  const clicked = performance.now();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('button.capture')?.disabled, {
    polling: 'mutation',
  });
  await page.waitForFunction(
    () =>
      !document.querySelector<HTMLButtonElement>('button.capture')?.disabled &&
      document.querySelector('section.result'),
    { polling: 'mutation', timeout: 300_000 },
  );
  const ms = performance.now() - clicked;
  // The same frame each time: a link to the pick, or (read too unsure) the question; either is its result.
  if (!(await page.$('a.open-media, .unsure button'))) {
    const failed = await page.$eval('[role=status]', (status) => status.textContent);
    throw new Error(`the capture gave no pick: "${failed}"`);
  }
  return ms;
}

/** The first capture's time (cold) and the later ones'. */
export async function benchWebApp(video: string, warm: number): Promise<{ cold: number; later: number[] }> {
  const { origin, server } = await serveWebApp();
  const browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  try {
    await browser.defaultBrowserContext().overridePermissions(origin.replace(/\/$/, ''), ['camera']);
    const page = await browser.newPage();
    await storeCountdownOff(page, origin);
    await page.goto(origin);
    const cold = await captureOnce(page);
    const later: number[] = [];
    for (let i = 0; i < warm; i++) later.push(await captureOnce(page));
    return { cold, later };
  } finally {
    await browser.close();
    server.close();
  }
}
