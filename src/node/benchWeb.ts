/**
 * The web app (dist/web) timed as bench:browser times the extension: served on localhost by
 * http-server (as `npm run serve:web`), in Debian's Chromium with the same fake webcam, countdown
 * off, in a fresh profile (so the first capture is cold: the page opens, "Capture mood" is clicked
 * at once while the models load), then `warm` more. A capture is timed from the click to its
 * result on screen with the link to the pick, the web app's counterpart of the extension's tab.
 */
import type { Page } from 'puppeteer-core';
import { DEFAULT_SETTINGS } from '../recommendation/settings';
import { SETTINGS_KEY } from '../storage/registry';
import { launchChromium } from './chromium';
import { serveWebApp } from './webServer';

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
