/**
 * End to end, in Debian's real Chromium: the built extension (dist/chrome) is loaded, a face video
 * is the fake webcam, the popup's "Capture mood" button is pressed, and the tab that opens must be
 * the provider URL for the mood that the same pipeline reads from that face in Node.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { useBackend } from '../../src/node/backend';
import { decodeImageFile } from '../../src/node/images';
import { localRecognizerConfig, ROOT } from '../../src/node/modelPaths';
import { createMoodRecognizer } from '../../src/recognition';
import { recommend } from '../../src/shared/catalogue';
import type { Mood } from '../../src/shared/moods';
import { cameraFrame, writeY4m } from './fakeCamera';

jest.setTimeout(300_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION = join(ROOT, 'dist', 'chrome');
const VIDEO = join(ROOT, 'artifacts', 'e2e-face.y4m');
const NO_FACE_VIDEO = join(ROOT, 'artifacts', 'e2e-no-face.y4m');

let browser: Browser;
let extensionOrigin: string;
let expectedMood: Mood;

async function openPopup(instance = browser, origin = extensionOrigin): Promise<Page> {
  const page = await instance.newPage();
  await page.goto(`${origin}popup.html`);
  await page.locator('::-p-aria(Capture mood)').wait();
  return page;
}

/** Debian's Chromium with the built extension and a video file as the webcam (see allowCamera). */
async function launch(video: string): Promise<{ browser: Browser; origin: string }> {
  const instance = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    enableExtensions: [EXTENSION],
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
  const worker = await instance.waitForTarget((t) => t.type() === 'service_worker', { timeout: 30_000 });
  return { browser: instance, origin: worker.url().replace(/background\.js$/, '') };
}

const allowCamera = (instance: Browser, origin: string) =>
  instance.defaultBrowserContext().overridePermissions(origin.replace(/\/$/, ''), ['camera']);

/** Resolves with the URL of the next tab that navigates to one of the given providers. */
function nextProviderTab(prefix: string): Promise<string> {
  return browser
    .waitForTarget((target) => target.type() === 'page' && target.url().startsWith(prefix), {
      timeout: 240_000,
    })
    .then((target) => target.url());
}

beforeAll(async () => {
  if (!existsSync(join(EXTENSION, 'manifest.json')))
    throw new Error('run `npm run build` first: dist/chrome is missing');
  // The fake webcam shows the one-face fixture; Node reads the same frame for the expected mood.
  const frame = cameraFrame(decodeImageFile(join(ROOT, 'test', 'fixtures', 'faces', 'one-face.jpg')));
  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  writeY4m(VIDEO, frame);
  await useBackend('wasm');
  const recognizer = await createMoodRecognizer(localRecognizerConfig());
  expectedMood = (await recognizer.recognize(frame)).mood;
  recognizer.dispose();

  ({ browser, origin: extensionOrigin } = await launch(VIDEO));
});

afterAll(async () => {
  await browser?.close();
});

describe('Moodtab in Chromium', () => {
  it('on first use, opens the camera permission page instead of failing silently', async () => {
    const popup = await openPopup();
    const permissionTab = nextProviderTab(`${extensionOrigin}permission.html`);
    await popup.locator('::-p-aria(Capture mood)').click();
    await expect(permissionTab).resolves.toBe(`${extensionOrigin}permission.html`);
    await popup.waitForFunction(() =>
      document.querySelector('[role=status]')?.textContent?.includes('permission'),
    );
    await popup.close();
  });

  it('captures from the webcam, opens the provider tab for the face mood, and releases the camera', async () => {
    await allowCamera(browser, extensionOrigin);
    const popup = await openPopup();
    const expectedUrl = recommend(expectedMood, 'music').url;
    const opened = nextProviderTab('https://open.spotify.com/');
    await popup.locator('::-p-aria(Capture mood)').click();
    expect(await opened).toBe(expectedUrl);

    await popup.waitForFunction(
      () => document.querySelector('[role=status]')?.textContent?.startsWith('You look'),
      {
        timeout: 60_000,
      },
    );
    const status = await popup.$eval('[role=status]', (el) => el.textContent);
    expect(status).toBe(`You look ${expectedMood}. Opened Spotify.`);
    const meters = await popup.$$eval('[role=meter]', (els) =>
      els.map((el) => el.getAttribute('aria-label')),
    );
    expect(meters).toEqual(['Calm', 'Angry', 'Sad', 'Happy', 'Surprised']);
    // Shown only when every camera track reported `ended` after the capture.
    await popup.locator('::-p-text(The camera is off again)').wait();
    await popup.close();
  });

  it('remembers the media choice and opens Netflix for movies', async () => {
    let popup = await openPopup();
    await popup.locator('::-p-aria(Movies)').click();
    await popup.close();
    popup = await openPopup(); // a fresh popup must come back with Movies chosen
    expect(await popup.$eval('input[value=movies]', (el) => el.checked)).toBe(true);
    const opened = nextProviderTab('https://www.netflix.com/');
    await popup.locator('::-p-aria(Capture mood)').click();
    expect(await opened).toBe(recommend(expectedMood, 'movies').url);
    await popup.close();
  });
});

describe('Moodtab in Chromium, nobody in front of the camera', () => {
  let empty: { browser: Browser; origin: string };

  beforeAll(async () => {
    writeY4m(
      NO_FACE_VIDEO,
      cameraFrame(decodeImageFile(join(ROOT, 'test', 'fixtures', 'faces', 'no-face.jpg'))),
    );
    empty = await launch(NO_FACE_VIDEO);
    await allowCamera(empty.browser, empty.origin);
  });

  afterAll(async () => {
    await empty?.browser.close();
  });

  it('says no face was found, opens no tab, and lets the user try again', async () => {
    const popup = await openPopup(empty.browser, empty.origin);
    await popup.locator('::-p-aria(Capture mood)').click();
    await popup.waitForFunction(() => document.querySelector('.status.error'), { timeout: 240_000 });
    expect(await popup.$eval('[role=status]', (el) => el.textContent)).toBe(
      'No face was found. Face the camera in good light and try again.',
    );
    const tabs = empty.browser.targets().filter((t) => t.type() === 'page' && t.url().startsWith('https://'));
    expect(tabs).toEqual([]);
    // The capture button is usable again: the one-capture lock was released after the failure.
    expect(await popup.$eval('button.capture', (el) => el.disabled)).toBe(false);
  });
});
