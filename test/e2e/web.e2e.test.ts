/**
 * The web app (dist/web) end to end in Debian's Chromium, as a phone shows it: served over HTTP on
 * localhost (a secure context, as the camera needs) by http-server, the server `npm run serve:web`
 * runs, at 390x844 with touch, a face video as the front camera. A capture shows a mood and a link
 * to media for it; with the journal on, the entry shows in its charts and table (kept in IndexedDB);
 * the service worker keeps the app for offline use; Chromium finds it installable.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { launchChromium } from '../../src/node/chromium';
import { fixtureVideo } from '../../src/node/fakeCamera';
import { ROOT } from '../../src/node/modelPaths';
import { serveWebApp, WEB_DIST, type StaticServer } from '../../src/node/webServer';
import { MOOD_LABEL } from '../../src/common/labels';
import { MOODS, type Mood } from '../../src/model/moods';
import { armsFor, recommendationFor } from '../../src/recommendation/catalogue';
import { DEFAULT_SETTINGS, providerIdFor } from '../../src/recommendation/settings';
import { english, englishText } from './texts';

jest.setTimeout(300_000);

/** A phone: 390x844 CSS pixels, touch, its own page in a browser with the face video as camera. */
async function openPhone(browser: Browser, origin: string): Promise<Page> {
  await browser.defaultBrowserContext().overridePermissions(origin.replace(/\/$/, ''), ['camera']);
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  // Every Content Security Policy violation the page meets, for the test that there are none.
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = ((globalThis as unknown as { cspViolations: string[] }).cspViolations = []);
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(origin);
  await page.locator('::-p-aria(Capture mood)').wait();
  return page;
}

const MOOD_BY_LABEL = new Map(MOODS.map((mood) => [english[MOOD_LABEL[mood]].message, mood] as const));

/** Taps "Capture mood" and waits for the reading's heading; an unsure reading is answered with its first mood. */
async function captureMood(page: Page): Promise<Mood> {
  await page.locator('button.capture').setTimeout(5_000).click();
  // Busy for the countdown at least (3 s), then free again with this capture's result.
  await page.waitForSelector('button.capture[disabled]', { timeout: 5_000 });
  await page.waitForSelector('button.capture:not([disabled])', { timeout: 240_000 });
  await page.waitForSelector('section.result h2', { timeout: 1_000 });
  const unsure = await page.$('.unsure button');
  if (unsure) await unsure.tap();
  await page.waitForSelector('a.open-media', { timeout: 10_000 });
  const heading = await page.$eval('section.result h2', (h2) => h2.textContent ?? '');
  const mood =
    MOOD_BY_LABEL.get(heading) ?? MOODS.find((m) => heading.includes(english[MOOD_LABEL[m]].message));
  if (!mood) throw new Error(`no mood in the heading "${heading}"`);
  return mood;
}

let browser: Browser;
let origin: string;
let server: StaticServer;

beforeAll(async () => {
  ({ origin, server } = await serveWebApp());
  const { video } = fixtureVideo('one-face');
  browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the web app on a phone', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openPhone(browser, origin);
  });

  it('lays out for the phone: no sideways scrolling, every control at least 44 px tall', async () => {
    const { scrollWidth, small } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      small: [...document.querySelectorAll('button, select, label')]
        .filter((element) => element.getBoundingClientRect().height < 44)
        .map((element) => element.outerHTML.slice(0, 80)),
    }));
    expect(scrollWidth).toBeLessThanOrEqual(390);
    expect(small).toEqual([]);
  });

  it('captures with the camera, shows the mood and its bars, and links to media for that mood', async () => {
    const mood = await captureMood(page);
    const bars = await page.$$eval('.bars [role=meter]', (meters) =>
      meters.map((meter) => Number(meter.getAttribute('aria-valuenow'))),
    );
    expect(bars).toHaveLength(5);
    expect(bars.reduce((sum, value) => sum + value, 0)).toBeGreaterThanOrEqual(97);
    const { media, strategy } = DEFAULT_SETTINGS;
    const urls = armsFor(mood, media, strategy, providerIdFor(DEFAULT_SETTINGS)).map(
      (arm) => recommendationFor(arm, mood, media, strategy).url,
    );
    const href = await page.$eval('a.open-media', (a) => a.getAttribute('href'));
    expect(urls).toContain(href);
    expect(await page.$eval('[role=status]', (status) => status.textContent)).toBe(
      englishText(`web_youLook${mood[0]!.toUpperCase()}${mood.slice(1)}` as 'web_youLookCalm'),
    );
  });

  it('opens the media in a new tab on a tap, and stays on the result', async () => {
    const href = await page.$eval('a.open-media', (a) => (a as HTMLAnchorElement).href);
    const opened = browser.waitForTarget((target) => target.url() === href, { timeout: 30_000 });
    await (await page.$('a.open-media'))!.tap();
    expect((await opened).url()).toBe(href);
    expect(page.url()).toBe(origin);
    await (await (await opened).asPage())?.close();
  });

  it('captured under its strict CSP (tfjs, wasm, models, camera) without a violation', async () => {
    const policy = await page.$eval('meta[http-equiv=Content-Security-Policy]', (meta) =>
      meta.getAttribute('content'),
    );
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("connect-src 'self'");
    expect(
      await page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
  });

  it('bundles no extension API (webextension-polyfill throws outside an extension)', () => {
    const app = readFileSync(join(WEB_DIST, 'app.js'), 'utf8');
    expect(app).not.toContain('This script should only be loaded in a browser extension');
    expect(app).not.toContain('chrome.runtime');
  });

  it('offers no front/back switch with one camera', async () => {
    expect(await page.$('.camera-switch')).toBeNull();
  });
});

describe('a phone with a front and a back camera', () => {
  it('captures with the front one, then, switched, with the back one', async () => {
    const page = await browser.newPage();
    // The fake camera is one device: the page is told of a second, and notes what it asks for.
    await page.evaluateOnNewDocument(() => {
      const devices = navigator.mediaDevices;
      const [list, open] = [devices.enumerateDevices.bind(devices), devices.getUserMedia.bind(devices)];
      const asked: unknown[] = ((globalThis as unknown as { asked: unknown[] }).asked = []);
      devices.enumerateDevices = async () => [
        ...(await list()),
        { kind: 'videoinput', deviceId: 'back', groupId: 'back', label: 'back' } as MediaDeviceInfo,
      ];
      devices.getUserMedia = (constraints) => {
        asked.push((constraints?.video as MediaTrackConstraints).facingMode);
        return open(constraints);
      };
    });
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    await page.goto(origin);
    await captureMood(page);
    await (await page.waitForSelector('.camera-switch input'))!.tap();
    await captureMood(page);
    expect(await page.evaluate(() => (globalThis as unknown as { asked: unknown[] }).asked)).toEqual([
      'user',
      'environment',
    ]);
    await page.close();
  });
});

describe('moods from a photo', () => {
  let page: Page;
  const faces = join(ROOT, 'test', 'fixtures', 'faces');

  beforeAll(async () => {
    page = await openPhone(browser, origin);
  });

  const choosePhoto = async (file: string) => {
    const input = (await page.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
  };

  it('reads a fixture photo: its face marked, the mood and a link, with no camera', async () => {
    await choosePhoto(join(faces, 'one-face.jpg'));
    await page.waitForSelector('a.open-media', { timeout: 240_000 });
    expect(await page.$('canvas.photo')).not.toBeNull();
    expect(await page.$('.face-choice')).toBeNull();
    const heading = await page.$eval('section.result h2', (h2) => h2.textContent ?? '');
    expect([...MOOD_BY_LABEL.keys()]).toContain(heading);
  });

  it('asks which face to read when there are several, and reads the one chosen', async () => {
    await choosePhoto(join(faces, 'two-faces.jpg'));
    await page.waitForSelector('.face-choice button', { timeout: 60_000 });
    const buttons = await page.$$eval('.face-choice button', (all) => all.map((b) => b.textContent));
    expect(buttons).toEqual(['Face 1', 'Face 2']);
    const second = (await page.$$('.face-choice button'))[1]!;
    await second.tap();
    await page.waitForSelector('.face-choice button[aria-pressed=true]:last-of-type', { timeout: 60_000 });
    expect(
      await page.$eval('.face-choice', (set) => set.querySelector('[aria-pressed=true]')?.textContent),
    ).toBe('Face 2');
    expect(await page.$('a.open-media')).not.toBeNull();
  });

  it('says so when a photo has no face', async () => {
    await choosePhoto(join(faces, 'no-face.jpg'));
    const alert = await page.waitForSelector('.photo-reader [role=alert]', { timeout: 60_000 });
    expect(await alert!.evaluate((element) => element.textContent)).toBe(englishText('web_photoNoFace'));
  });

  it('refuses a file that is not an image, saying so', async () => {
    const text = join(mkdtempSync(join(tmpdir(), 'moodtab-')), 'notes.txt');
    writeFileSync(text, 'not a photo');
    await choosePhoto(text);
    const alert = await page.waitForSelector('.photo-reader [role=alert]', { timeout: 10_000 });
    expect(await alert!.evaluate((element) => element.textContent)).toBe(englishText('web_photoNotImage'));
  });
});

describe('the mood journal', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openPhone(browser, origin);
  });

  it('after a capture with the journal on, shows the entry in the table and the charts', async () => {
    await page.waitForSelector('#moods .empty');
    await (await page.waitForSelector('#journal input[name=journal-enabled]'))!.tap();
    await page.waitForSelector('#journal input[name=journal-enabled]:checked');
    const mood = await captureMood(page);
    const label = english[MOOD_LABEL[mood]].message;
    const row = await page.waitForSelector('#moods table.entries tbody tr', { timeout: 10_000 });
    expect(await row!.evaluate((tr) => tr.textContent)).toContain(label);
    // Mood per day and each mood's share, each with its table: today's column holds the mood.
    expect(await page.$$eval('#moods figure.chart', (figures) => figures.length)).toBe(2);
    const share = await page.$eval('#moods figure.chart:last-of-type table', (table) => table.textContent);
    expect(share).toContain(label);
  });

  it('keeps the journal in IndexedDB: a reload shows the entry again', async () => {
    await page.reload();
    const row = await page.waitForSelector('#moods table.entries tbody tr', { timeout: 10_000 });
    expect(await page.$$eval('#moods table.entries tbody tr', (rows) => rows.length)).toBe(1);
    expect(await row!.evaluate((tr) => tr.textContent)).toBeTruthy();
    const kept = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('moodtab');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            // The journal is kept one key per UTC month (`journal:2025-06`), as in the extension.
            const store = open.result.transaction('values').objectStore('values');
            const keys = store.getAllKeys();
            const values = store.getAll();
            values.onerror = () => reject(values.error);
            values.onsuccess = () =>
              resolve(
                keys.result
                  .map((key, index) => [String(key), values.result[index]] as const)
                  .filter(([key]) => /^journal:\d{4}-\d{2}$/.test(key))
                  .reduce((sum, [, entries]) => sum + (entries as unknown[]).length, 0),
              );
          };
        }),
    );
    expect(kept).toBe(1);
  });

  it('lays the journal out for the phone: no sideways scrolling, every control at least 44 px tall', async () => {
    const { scrollWidth, small } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      small: [
        ...document.querySelectorAll(
          '#moods button, #moods select, #moods label, #journal label, #data button, #data a.button',
        ),
      ]
        .filter((element) => element.getBoundingClientRect().height < 44)
        .map((element) => element.outerHTML.slice(0, 80)),
    }));
    expect(scrollWidth).toBeLessThanOrEqual(390);
    expect(small).toEqual([]);
  });

  it('deletes the journal only after a confirmation: the table and IndexedDB are then empty', async () => {
    await (await page.waitForSelector('#data button.danger'))!.tap();
    const confirm = await page.waitForSelector('#data .confirm button.danger');
    expect(await page.$$eval('#moods table.entries tbody tr', (rows) => rows.length)).toBe(1);
    await confirm!.tap();
    await page.waitForFunction(
      (text) => document.querySelector('#data [role=status]')?.textContent === text,
      { timeout: 10_000 },
      englishText('data_deleted'),
    );
    await page.waitForSelector('#moods .empty', { timeout: 10_000 });
    const left = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('moodtab');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('values').objectStore('values').getAll();
            request.onerror = () => reject(request.error);
            request.onsuccess = () =>
              resolve(
                request.result
                  .filter((value): value is { id: unknown }[] => Array.isArray(value))
                  .flat()
                  .filter((item) => typeof item === 'object' && item !== null && 'mood' in item).length,
              );
          };
        }),
    );
    expect(left).toBe(0);
  });
});

describe('installable and offline', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openPhone(browser, origin);
    // The note comes once the service worker is active: its install precached everything.
    await page.waitForSelector('.offline', { timeout: 120_000 });
  });

  it('says it is available offline once cached, and Chromium finds it installable', async () => {
    expect(await page.$eval('.offline', (note) => note.textContent)).toBe(englishText('web_offlineReady'));
    const session = await page.createCDPSession();
    const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await session.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
  });

  it('reloads and captures with the network off: the app, wasm and models come from its cache', async () => {
    // Off for real: the server stops, its open connections too, and the page is offline.
    (server.server as unknown as { closeAllConnections?(): void }).closeAllConnections?.();
    server.close();
    await page.setOfflineMode(true);
    await page.reload();
    await page.locator('::-p-aria(Capture mood)').wait();
    const { controlled, uncached } = await page.evaluate(async () => ({
      controlled: navigator.serviceWorker.controller !== null,
      // Anything not precached must fail now, or the network was not really off.
      uncached: await fetch(`not-precached-${Date.now()}.json`).then(
        () => 'fetched',
        () => 'failed',
      ),
    }));
    expect({ controlled, uncached }).toEqual({ controlled: true, uncached: 'failed' });
    const mood = await captureMood(page);
    expect(MOODS).toContain(mood);
    expect(await page.$eval('a.open-media', (a) => a.getAttribute('href'))).toMatch(/^https:\/\//);
  });
});
