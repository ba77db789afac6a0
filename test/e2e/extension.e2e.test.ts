/**
 * End to end, in Debian's real Chromium: the built extension (dist/chrome) is loaded, a face video
 * is the fake webcam, the popup's "Capture mood" button is pressed, and the tab that opens must be
 * the provider URL for the mood that the same pipeline reads from that face in Node.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { useBackend } from '../../src/node/backend';
import { allowCamera, launchWithExtension, type ExtensionBrowser } from '../../src/node/chromium';
import { cameraFrame, writeY4m } from '../../src/node/fakeCamera';
import { decodeImageFile } from '../../src/node/images';
import { localRecognizerConfig, ROOT } from '../../src/node/modelPaths';
import { createMoodRecognizer } from '../../src/recognition';
import { recommend } from '../../src/shared/catalogue';
import type { Mood } from '../../src/shared/moods';
import english from '../../_locales/en/messages.json';

jest.setTimeout(300_000);

const VIDEO = join(ROOT, 'artifacts', 'e2e-face.y4m');
const NO_FACE_VIDEO = join(ROOT, 'artifacts', 'e2e-no-face.y4m');
const fixture = (name: string) => decodeImageFile(join(ROOT, 'test', 'fixtures', 'faces', name));

let face: ExtensionBrowser;
let expectedMood: Mood;
let expectedCrop: number[];

/**
 * Opens the popup in a tab, once it can be used, noting every status line it shows (in
 * `statusHistory`), so a test can check what the user was told and in which order.
 */
async function openPopup({ browser, origin }: ExtensionBrowser = face): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}popup.html`);
  await page.locator('::-p-aria(Capture mood)').wait();
  await page.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { statusHistory: string[] }).statusHistory = seen;
    const status = document.querySelector('[role=status]')!;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  return page;
}

const statusHistory = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { statusHistory: string[] }).statusHistory);

/** Resolves with the URL of the next tab that navigates to one of the given providers. */
function nextProviderTab(prefix: string, { browser }: ExtensionBrowser = face): Promise<string> {
  return browser
    .waitForTarget((target) => target.type() === 'page' && target.url().startsWith(prefix), {
      timeout: 240_000,
    })
    .then((target) => target.url());
}

const waitForResult = (popup: Page) =>
  popup.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.startsWith('You look'), {
    timeout: 60_000,
  });

beforeAll(async () => {
  // The fake webcam shows the one-face fixture; Node reads the same frame for the expected mood.
  const frame = cameraFrame(fixture('one-face.jpg'));
  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  writeY4m(VIDEO, frame);
  await useBackend('wasm');
  const recognizer = await createMoodRecognizer(localRecognizerConfig());
  const reading = await recognizer.recognize(frame);
  expectedMood = reading.mood;
  expectedCrop = reading.face.crop;
  recognizer.dispose();

  face = await launchWithExtension(VIDEO);
});

afterAll(async () => {
  await face?.browser.close();
});

describe('Moodtab in Chromium', () => {
  it('starts loading the models in the offscreen document as soon as the popup opens', async () => {
    const popup = await openPopup();
    const offscreen = await face.browser.waitForTarget((t) => t.url() === `${face.origin}offscreen.html`, {
      timeout: 30_000,
    });
    expect(offscreen).toBeDefined();
    await popup.close();
  });

  it('on first use, opens the camera permission page instead of failing silently', async () => {
    const popup = await openPopup();
    // The welcome page asks for the camera, at its camera section.
    const permissionTab = nextProviderTab(`${face.origin}welcome.html#camera`);
    await popup.locator('::-p-aria(Capture mood)').click();
    await expect(permissionTab).resolves.toBe(`${face.origin}welcome.html#camera`);
    await popup.waitForFunction(() =>
      document.querySelector('[role=status]')?.textContent?.includes('permission'),
    );
    await popup.close();
  });

  it('counts down, captures, opens the provider tab for the face mood, shows the face it read, and releases the camera', async () => {
    await allowCamera(face);
    const popup = await openPopup();
    const expectedUrl = recommend(expectedMood, 'music').url;
    const opened = nextProviderTab('https://open.spotify.com/');
    await popup.locator('::-p-aria(Capture mood)').click();
    // The countdown is on by default: the user is told where to look, with the numbers.
    await popup.locator('.snapshot-moment').wait();
    expect(await opened).toBe(expectedUrl);

    await waitForResult(popup);
    const status = await popup.$eval('[role=status]', (el) => el.textContent);
    expect(status).toBe(`You look ${expectedMood}. Opened Spotify.`);
    const history = await statusHistory(popup);
    const countdown = history.filter((line) => /^Look at the camera… \d$/.test(line));
    expect(countdown.length).toBeGreaterThan(0);
    expect(countdown).toEqual([...countdown].sort().reverse()); // 3, 2, 1: counting down
    const meters = await popup.$$eval('[role=meter]', (els) =>
      els.map((el) => el.getAttribute('aria-label')),
    );
    expect(meters).toEqual(['Calm', 'Angry', 'Sad', 'Happy', 'Surprised']);

    // The 48x48 face the model read, drawn in the popup: the face Node crops from the same frame
    // (the browser sees it through the video's YUV 4:2:0, so close, not equal).
    const drawn = await popup.$eval('canvas[role=img]', (canvas) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, 48, 48);
      return Array.from({ length: 48 * 48 }, (_, i) => data[i * 4]!);
    });
    const meanDifference =
      drawn.reduce((s, level, i) => s + Math.abs(level - expectedCrop[i]!), 0) / drawn.length;
    expect(meanDifference).toBeLessThan(3);

    // Shown only when every camera track reported `ended` after the capture.
    await popup.locator('::-p-text(The camera is off again)').wait();
    await popup.close();
  });

  it('remembers the media choice and the countdown setting, and snaps at once without the countdown', async () => {
    let popup = await openPopup();
    await popup.locator('::-p-aria(Movies)').click();
    await popup.locator('input[name=countdown]').click();
    await popup.close();
    popup = await openPopup(); // a fresh popup must come back with Movies chosen and no countdown
    expect(await popup.$eval('input[value=movies]', (el) => el.checked)).toBe(true);
    expect(await popup.$eval('input[name=countdown]', (el) => el.checked)).toBe(false);
    const opened = nextProviderTab('https://www.netflix.com/');
    await popup.locator('::-p-aria(Capture mood)').click();
    expect(await opened).toBe(recommend(expectedMood, 'movies').url);
    await waitForResult(popup);
    const history = await statusHistory(popup);
    expect(history.some((line) => /^Look at the camera… \d$/.test(line))).toBe(false);
    await popup.close();
  });
});

/** Waits for a file to finish downloading into `dir` and returns its name and text. */
async function downloaded(dir: string, extension: string): Promise<{ name: string; text: string }> {
  for (let waited = 0; waited < 15_000; waited += 100) {
    const name = readdirSync(dir).find((file) => file.endsWith(extension));
    if (name) return { name, text: readFileSync(join(dir, name), 'utf8') };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${extension} file was downloaded`);
}

describe('Moodtab in Chromium: welcome page and mood journal', () => {
  it('opens the welcome page on install, where the journal is asked for once', async () => {
    // launchWithExtension waits for the tab the install opened.
    expect(face.welcome.url()).toBe(`${face.origin}welcome.html`);
    const welcome = (await face.welcome.page())!;
    await welcome.bringToFront();
    await welcome.locator('::-p-text(Keep a mood journal?)').wait();
    await welcome.locator('::-p-aria(Yes, keep a journal)').click();
    await welcome.locator('::-p-text(Your mood journal is on.)').wait();
    await welcome.close();
  });

  it('keeps an entry for a capture, which the options page charts and lists, exports as CSV, and deletes', async () => {
    // The journal was turned on on the welcome page above; the media is Movies since the test before.
    const popup = await openPopup();
    const opened = nextProviderTab('https://www.netflix.com/');
    await popup.locator('::-p-aria(Capture mood)').click();
    await opened;
    await waitForResult(popup);
    await popup.locator('::-p-text(Saved in your mood journal.)').wait();
    await popup.close();

    const options = await face.browser.newPage();
    await options.goto(`${face.origin}options.html`);
    await options.locator('table.entries tbody tr').wait();
    const moodName = english[`mood_${expectedMood}`].message;
    const { query } = recommend(expectedMood, 'movies');
    const rows = await options.$$eval('table.entries tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].slice(1).map((cell) => cell.textContent!.trim())),
    );
    expect(rows).toEqual([[moodName, 'Camera', 'Movies on Netflix', query, '']]);
    // Today's bar has one segment, in the mood's colour; the table alternative counts it.
    const today = await options.evaluate(() => {
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    });
    const segments = await options.$$eval(`#mood-per-day g[data-day="${today}"] rect`, (rects) =>
      rects.map((rect) => rect.getAttribute('class')),
    );
    expect(segments).toEqual([`segment mood-${expectedMood}`]);
    const todayRow = await options.$eval('#mood-per-day tbody tr:last-child', (tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(todayRow.slice(-1)).toEqual(['1']);

    // The CSV download (a blob link) holds the entry.
    const downloads = mkdtempSync(join(tmpdir(), 'moodtab-downloads-'));
    const cdp = await face.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await options.locator('::-p-aria(Download CSV)').click();
    const csv = await downloaded(downloads, '.csv');
    expect(csv.name).toMatch(/^moodtab-journal-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('time,mood,source,calm,angry,sad,happy,surprised,media,provider,query,feedback');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      new RegExp(`^\\d{4}-.+Z,${expectedMood},camera,(0(\\.\\d+)?|1),.*,movies,netflix,${query},$`),
    );

    // "Delete everything", confirmed, empties the journal.
    await options.locator('::-p-aria(Delete everything)').click();
    // The question takes the focus to Cancel (which may scroll the page) before anything is pressed.
    await options.waitForFunction(() => document.activeElement?.textContent === 'Cancel');
    await options.locator('::-p-aria(Yes, delete everything)').click();
    // Polled on a timer: after this click a locator's frame-by-frame polling never saw the change.
    await options.waitForFunction(
      () => document.querySelector('#data [role=status]')?.textContent === 'The mood journal is empty.',
      { polling: 100, timeout: 10_000 },
    );
    expect(await options.$eval('#moods .empty', (el) => el.textContent)).toBe(
      'No entries yet. Capture your mood, and it will appear here.',
    );
    expect(await options.$('table.entries')).toBeNull();
    await options.close();
  });
});

describe('Moodtab in Chromium, nobody in front of the camera', () => {
  let empty: ExtensionBrowser;

  beforeAll(async () => {
    writeY4m(NO_FACE_VIDEO, cameraFrame(fixture('no-face.jpg')));
    empty = await launchWithExtension(NO_FACE_VIDEO);
    await allowCamera(empty);
  });

  afterAll(async () => {
    await empty?.browser.close();
  });

  it('says no face was found, opens no tab, and lets the user try again', async () => {
    const popup = await openPopup(empty);
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

describe('Moodtab in Chromium on a machine with no camera', () => {
  let cameraless: ExtensionBrowser;

  beforeAll(async () => {
    cameraless = await launchWithExtension(null);
    await allowCamera(cameraless);
  });

  afterAll(async () => {
    await cameraless?.browser.close();
  });

  it('says there is no camera straight away: before the models are waited for, and still on the first click', async () => {
    const popup = await openPopup(cameraless);
    await popup.locator('::-p-aria(Capture mood)').click();
    await popup.waitForFunction(() => document.querySelector('.status.error'), { timeout: 60_000 });
    expect(await popup.$eval('[role=status]', (el) => el.textContent)).toBe(
      'No camera was found. Connect a webcam and try again.',
    );
    // The camera is asked first: the user never waits on "Loading the mood model" to hear this.
    const history = await statusHistory(popup);
    expect(history.filter((line) => line.startsWith('Loading'))).toEqual([]);
    expect(await popup.$eval('button.capture', (el) => el.disabled)).toBe(false);
  });
});
