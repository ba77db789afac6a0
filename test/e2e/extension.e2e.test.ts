/**
 * End to end, in Debian's real Chromium: the built extension (dist/chrome) is loaded, a face video
 * is the fake webcam, the popup's "Capture mood" button is pressed, and the tab that opens must be
 * one of the provider URLs for the mood that the same pipeline reads from that face in Node.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { useBackend } from '../../src/node/backend';
import {
  allowCamera,
  CHROME_EXTENSION,
  grantedOrigins,
  launchWithExtension,
  readStorage,
  seedStorage,
  tabList,
  type ExtensionBrowser,
} from '../../src/node/chromium';
import { cameraFrame, writeY4m } from '../../src/node/fakeCamera';
import { decodeImageFile } from '../../src/node/images';
import { localRecognizerConfig, ROOT } from '../../src/node/modelPaths';
import { createMoodRecognizer } from '../../src/recognition';
import {
  armKeyOf,
  BANDIT_KEY,
  choiceShares,
  contextKey,
  parseBanditState,
  seededRandom,
  type BanditState,
} from '../../src/shared/bandit';
import { armsFor, recommendationFor } from '../../src/shared/catalogue';
import { unsureBetween } from '../../src/shared/confidence';
import { deezerSearchUrl } from '../../src/shared/deezer';
import type { MediaKind, Mood, MoodProbabilities } from '../../src/shared/moods';
import english from '../../_locales/en/messages.json';

jest.setTimeout(300_000);

const VIDEO = join(ROOT, 'artifacts', 'e2e-face.y4m');
const NO_FACE_VIDEO = join(ROOT, 'artifacts', 'e2e-no-face.y4m');
const fixture = (name: string) => decodeImageFile(join(ROOT, 'test', 'fixtures', 'faces', name));

let face: ExtensionBrowser;
let expectedMood: Mood;
let expectedProbabilities: MoodProbabilities;
let expectedCrop: number[];

/** Every URL a mood may open with a media's default provider and "match my mood" (the bandit picks one). */
const candidateUrls = (mood: Mood, media: MediaKind, provider: string) =>
  armsFor(mood, media, 'match', provider).map((arm) => recommendationFor(arm, mood, media, 'match').url);

/** Clicks one of the popup's mood picker buttons. */
const pickInPopup = (popup: Page, mood: string) =>
  popup.locator(`.mood-picker ::-p-aria([name="${mood}"][role="button"])`).click();

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

/** Resolves with the URL of the next new tab that navigates to one of the given providers. */
function nextProviderTab(prefix: string, { browser }: ExtensionBrowser = face): Promise<string> {
  const before = new Set(browser.targets());
  return browser
    .waitForTarget(
      (target) => !before.has(target) && target.type() === 'page' && target.url().startsWith(prefix),
      { timeout: 240_000 },
    )
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
  expectedProbabilities = reading.probabilities;
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
    // A face read with confidence opens its tab at once (an unsure one would ask instead).
    expect(unsureBetween(expectedProbabilities)).toBeUndefined();
    await allowCamera(face);
    const popup = await openPopup();
    const opened = nextProviderTab('https://open.spotify.com/');
    await popup.locator('::-p-aria(Capture mood)').click();
    // The countdown is on by default: the user is told where to look, with the numbers.
    await popup.locator('.snapshot-moment').wait();
    expect(candidateUrls(expectedMood, 'music', 'spotify')).toContain(await opened);

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
    expect(candidateUrls(expectedMood, 'movies', 'netflix')).toContain(await opened);
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

/** The query of a tab Moodtab opened: the catalogue's search whose URL it is. */
const queryOf = (url: string, mood: Mood, media: MediaKind, provider: string) =>
  armsFor(mood, media, 'match', provider).find(
    (arm) => recommendationFor(arm, mood, media, 'match').url === url,
  )!.query;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The journal's table on the options page, newest first, as the words it shows (time left out). */
const journalRows = (options: Page) =>
  options.$$eval('table.entries tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].slice(1).map((cell) => cell.textContent!.trim())),
  );

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

  it('keeps one entry per capture, which a correction and "Good pick" rewrite; the options page charts it, exports it as CSV, and deletes it', async () => {
    // The journal was turned on on the welcome page above; the media is Movies since the test before.
    const popup = await openPopup();
    const opened = nextProviderTab('https://www.netflix.com/');
    await popup.locator('::-p-aria(Capture mood)').click();
    const query = queryOf(await opened, expectedMood, 'movies', 'netflix');
    await waitForResult(popup);
    await popup.locator('::-p-text(Saved in your mood journal.)').wait();

    const options = await face.browser.newPage();
    await options.goto(`${face.origin}options.html`);
    await options.locator('table.entries tbody tr').wait();
    const moodName = english[`mood_${expectedMood}`].message;
    expect(await journalRows(options)).toEqual([[moodName, 'Camera', 'Movies on Netflix', query, '']]);

    // In the popup, the user corrects the mood and rates the new tab: the same entry changes.
    const corrected: Mood = expectedMood === 'calm' ? 'sad' : 'calm';
    const correctedName = english[`mood_${corrected}`].message;
    await popup.bringToFront();
    const reopened = nextProviderTab('https://www.netflix.com/');
    await pickInPopup(popup, correctedName);
    const correctedQuery = queryOf(await reopened, corrected, 'movies', 'netflix');
    await popup.waitForFunction(
      (name) => document.querySelector('section[aria-label=Result] h2')?.textContent === `You chose ${name}`,
      {},
      correctedName,
    );
    await popup.locator('::-p-aria(Good pick)').click();
    await popup.locator('::-p-text(Moodtab will open picks like this more often)').wait();
    await popup.close();

    await options.bringToFront();
    await options.waitForFunction(
      () => document.querySelector('table.entries tbody tr td:last-child')?.textContent === 'Good pick',
      { polling: 100, timeout: 10_000 },
    );
    expect(await journalRows(options)).toEqual([
      [correctedName, 'Corrected by hand', 'Movies on Netflix', correctedQuery, 'Good pick'],
    ]);
    // Today's bar has one segment, in the mood's colour; the table alternative counts it.
    const today = await options.evaluate(() => {
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    });
    const segments = await options.$$eval(`#mood-per-day g[data-day="${today}"] rect`, (rects) =>
      rects.map((rect) => rect.getAttribute('class')),
    );
    expect(segments).toEqual([`segment mood-${corrected}`]);
    const todayRow = await options.$eval('#mood-per-day tbody tr:last-child', (tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(todayRow.slice(-1)).toEqual(['1']);

    // The CSV download (a blob link) holds the entry, with the camera's reading kept.
    const downloads = mkdtempSync(join(tmpdir(), 'moodtab-downloads-'));
    const cdp = await face.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await options.locator('::-p-aria(Download CSV)').click();
    const csv = await downloaded(downloads, '.csv');
    expect(csv.name).toMatch(/^moodtab-journal-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('time,mood,source,calm,angry,sad,happy,surprised,media,provider,query,feedback');
    expect(lines).toHaveLength(2);
    const reading = Array<string>(5).fill('(0(\\.\\d+)?|1)'); // the five probabilities, rounded
    expect(lines[1]).toMatch(
      new RegExp(
        `^\\d{4}-.+Z,${corrected},corrected,${reading.join(',')},movies,netflix,${escapeRegExp(correctedQuery)},good-pick$`,
      ),
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
    await popup.close();
  });

  it('after "no face", a mood picked by hand opens its tab behind the popup, with no camera and no host permission', async () => {
    const popup = await openPopup(empty);
    const requested: string[] = [];
    popup.on('request', (request: HTTPRequest) => void requested.push(request.url()));
    await popup.locator('::-p-aria(Capture mood)').click();
    await popup.waitForFunction(() => document.querySelector('.status.error'), { timeout: 240_000 });

    const opened = nextProviderTab('https://open.spotify.com/', empty);
    await pickInPopup(popup, 'Sad');
    const url = await opened;
    expect(candidateUrls('sad', 'music', 'spotify')).toContain(url);
    // Behind the popup: the popup (here a tab) is still the active tab, and still in view.
    const active = (await tabList(empty)).filter((tab) => tab.active).map((tab) => tab.url);
    expect(active).toEqual([`${empty.origin}popup.html`]);
    expect(await popup.evaluate(() => document.visibilityState)).toBe('visible');
    await popup.waitForFunction(
      () => document.querySelector('section[aria-label=Result] h2')?.textContent === 'You chose Sad',
    );
    expect(await popup.$eval('[role=status]', (el) => el.textContent)).toBe('You chose sad. Opened Spotify.');
    expect(await popup.$eval('.mood-picker button[aria-pressed=true]', (el) => el.textContent)).toBe('Sad');
    // Without the opt-in, no preview is asked for and no host permission is held.
    expect(requested.filter((u) => u.startsWith('https://'))).toEqual([]);
    expect(await grantedOrigins(empty)).toEqual([]);
    await popup.close();
  });

  it('"Not for me" is kept on the device and changes the next pick\'s distribution', async () => {
    const popup = await openPopup(empty);
    const opened = nextProviderTab('https://open.spotify.com/', empty);
    await pickInPopup(popup, 'Happy');
    const url = await opened;
    const arms = armsFor('happy', 'music', 'match', 'spotify');
    const arm = arms.find(
      (candidate) => recommendationFor(candidate, 'happy', 'music', 'match').url === url,
    )!;
    expect(arm).toBeDefined();

    await popup.locator('::-p-aria(Not for me)').click();
    await popup.locator('::-p-text(Moodtab will open this less often)').wait();
    const context = contextKey('happy', 'music', 'match');
    const state = parseBanditState(await readStorage(empty, BANDIT_KEY));
    expect(state).toEqual({ [context]: { [armKeyOf(arm)]: { good: 0, bad: 1 } } });
    // The distribution the next pick is drawn from, by the extension's own sampler (seeded here).
    const before = choiceShares(arms, undefined, seededRandom(1), 20_000)[armKeyOf(arm)]!;
    const after = choiceShares(arms, state[context], seededRandom(1), 20_000)[armKeyOf(arm)]!;
    expect(before).toBeCloseTo(1 / arms.length, 1);
    expect(after).toBeLessThan(before - 0.05);

    // And the background draws from the stored ratings: with one search liked and the others
    // disliked many times over, the next pick is the liked one.
    const liked = arms.find((candidate) => candidate !== arm)!;
    const strong: BanditState = {
      [context]: Object.fromEntries(
        arms.map((a) => [armKeyOf(a), a === liked ? { good: 40, bad: 0 } : { good: 0, bad: 40 }]),
      ),
    };
    await seedStorage(empty, { [BANDIT_KEY]: strong });
    const next = nextProviderTab(recommendationFor(liked, 'happy', 'music', 'match').url, empty);
    await pickInPopup(popup, 'Happy');
    await expect(next).resolves.toBe(recommendationFor(liked, 'happy', 'music', 'match').url);
    await popup.close();
  });
});

describe('Moodtab in Chromium with Deezer previews allowed', () => {
  // The permission prompt cannot be answered in headless Chromium (it has no test hook for it), so
  // this copy of the build holds the host permission from install, as after the user's yes.
  const ALLOWED_BUILD = join(ROOT, 'artifacts', 'e2e-chrome-previews');
  const RECORDED = readFileSync(join(ROOT, 'test', 'fixtures', 'deezer', 'search-sad-songs.json'), 'utf8');
  let allowed: ExtensionBrowser;

  beforeAll(async () => {
    rmSync(ALLOWED_BUILD, { recursive: true, force: true });
    cpSync(CHROME_EXTENSION, ALLOWED_BUILD, { recursive: true });
    const manifestPath = join(ALLOWED_BUILD, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    manifest.host_permissions = manifest.optional_host_permissions;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    allowed = await launchWithExtension(null, ALLOWED_BUILD);
  });

  afterAll(async () => {
    await allowed?.browser.close();
  });

  it('lists five-or-fewer previews for the opened query, sending Deezer only the query', async () => {
    expect(await grantedOrigins(allowed)).toEqual(['https://api.deezer.com/*']);
    const popup = await openPopup(allowed);
    const asked: { url: string; headers: Record<string, string> }[] = [];
    await popup.setRequestInterception(true);
    popup.on('request', (request: HTTPRequest) => {
      if (!request.url().startsWith('https://api.deezer.com/')) return void request.continue();
      asked.push({ url: request.url(), headers: request.headers() });
      // No network here: the request is answered with a response in Deezer's documented shape.
      void request.respond({ status: 200, contentType: 'application/json', body: RECORDED });
    });
    await pickInPopup(popup, 'Sad');
    await popup.locator('.previews li').wait();
    const query = await popup.$eval('.opened a', (a) => a.textContent!.replace(/^Spotify: /, ''));
    expect(asked.map((request) => request.url)).toEqual([deezerSearchUrl(query)]);
    // Chromium lists the referer header empty when none is sent.
    const { referer = '', cookie } = asked[0]!.headers;
    expect([referer, cookie]).toEqual(['', undefined]);
    const tracks = await popup.$$eval('.previews li', (items) =>
      items.map((li) => [
        li.querySelector('.track')!.textContent,
        li.querySelector('audio')!.getAttribute('src'),
      ]),
    );
    expect(tracks.map(([title]) => title)).toEqual([
      'Rain on the Window The Quiet Hours',
      'Letters I Never Sent Mara Vale',
      'Blue November June & the Echoes',
      'Empty Platform Northbound',
    ]);
    expect(tracks.every(([, src]) => src!.startsWith('https://cdnt-preview.dzcdn.net/'))).toBe(true);
    await popup.close();
  });

  it('the options page loads under the CSP, with the opt-in shown as on and the mapping editor filled', async () => {
    const options = await allowed.browser.newPage();
    const errors: string[] = [];
    options.on('pageerror', (error) => void errors.push(String(error)));
    await options.goto(`${allowed.origin}options.html`);
    await options.locator('textarea[name=queries-sad]').wait();
    await options.waitForFunction(
      () =>
        (document.querySelector('input[name=deezer-previews]') as HTMLInputElement | null)?.checked === true,
    );
    const sad = await options.$eval('textarea[name=queries-sad]', (el) => (el as HTMLTextAreaElement).value);
    expect(sad.split('\n')).toEqual(armsFor('sad', 'music', 'match', 'spotify').map((arm) => arm.query));
    expect(errors).toEqual([]);
    await options.close();
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
