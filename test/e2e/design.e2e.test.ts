/**
 * The designed pages, in Debian's real Chromium with the built extension, in English and German:
 * the popup in each state reachable here (first view, camera permission needed, result, corrected,
 * unsure, chosen, counting down, no face, no camera, camera blocked) draws its text at 13px or more (Chrome's `body { font-size: 75% }` overruled),
 * fits Chrome's 600px popup limit and its own 320–360px width; the options and welcome pages fit
 * 700px and 1280px windows; axe-core finds no accessibility violation on any of them, light or dark.
 * And a correction loads in the tab the capture opened, never a second one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { readStorage, seedStorage } from '../../src/node/chromium';
import { fixtureVideo } from '../../src/node/fakeCamera';
import { ROOT } from '../../src/node/modelPaths';
import type { Mood, MoodProbabilities } from '../../src/model/moods';
import { sampleJournal, unsureCalibration } from '../../src/node/designStates';
import { bucketedItems } from '../../src/storage/bucketedList';
import { CALIBRATION_KEY, JOURNAL_PREFS_KEY, SETTINGS_KEY, STORED } from '../../src/storage/registry';
import { DEFAULT_SETTINGS } from '../../src/recommendation/settings';
import {
  allowCamera,
  blockCamera,
  captureInPopup,
  launchWithExtension,
  trackStates,
  watchedOffscreen,
  type Chromium,
} from './chromium';

jest.setTimeout(600_000);

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
/** Chrome's limit for a popup's height. */
const POPUP_MAX_HEIGHT = 600;
const PROVIDER = 'https://music.youtube.com/';

interface Layout {
  bodyFontPx: number;
  smallestTextPx: number;
  height: number;
  width: number;
  overflow: number;
}

/** What the page measures: body font size, the smallest text drawn, its size and overflow. */
const layoutOf = (page: Page): Promise<Layout> =>
  page.evaluate(() => {
    const sizes = [...document.querySelectorAll('body *')]
      .filter(
        (el) =>
          el.checkVisibility() && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
      )
      .filter((el) => !el.closest('.visually-hidden'))
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    return {
      bodyFontPx: parseFloat(getComputedStyle(document.body).fontSize),
      smallestTextPx: Math.min(...sizes),
      height: document.documentElement.scrollHeight,
      width: document.body.getBoundingClientRect().width,
      // Sideways scrolling: content wider than the body, or than the window.
      overflow: Math.max(
        document.body.scrollWidth - document.body.clientWidth,
        document.documentElement.scrollWidth - innerWidth,
      ),
    };
  });

/** axe-core's violations on the page as it is now, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools, which the extension's CSP (no inline or foreign scripts) does not stop.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run();
    return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
  });
}

/** No violations in the light theme nor in the dark one. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    expect({ where, scheme, violations: await axeViolations(page) }).toEqual({
      where,
      scheme,
      violations: [],
    });
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
}

/** What is wrong with a popup's layout: text under 13px, taller than Chrome allows, too narrow or wide, sideways scrolling. */
function popupProblems({ bodyFontPx, smallestTextPx, height, width, overflow }: Layout): string[] {
  return [
    bodyFontPx < 13 && `body text ${bodyFontPx}px`,
    smallestTextPx < 13 && `text of ${smallestTextPx}px`,
    height > POPUP_MAX_HEIGHT && `${height}px tall`,
    (width < 320 || width > 360) && `${width}px wide`,
    overflow > 0 && `${overflow}px sideways scrolling`,
  ].filter((problem): problem is string => !!problem);
}

/** The popup's state as measured: big enough text, within Chrome's popup box, no sideways scrolling. */
async function expectPopupFits(popup: Page, state: string): Promise<void> {
  expect({ state, problems: popupProblems(await layoutOf(popup)) }).toEqual({ state, problems: [] });
  await expectAccessible(popup, `popup, ${state}`);
}

/** The popup as the toolbar shows it: 340 wide at most, in a box Chrome caps at 600 high. */
async function openPopup({ browser, origin }: Chromium): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 360, height: POPUP_MAX_HEIGHT });
  await page.goto(`${origin}popup.html`);
  await page.waitForSelector('button.capture:not([disabled])');
  return page;
}

/** The extension's message `key` in `lang`, as _locales holds it. */
const messageIn = (lang: string, key: string): string =>
  JSON.parse(readFileSync(join(ROOT, '_locales', lang, 'messages.json'), 'utf8'))[key].message;

const headingOf = (popup: Page) => popup.$eval('section.result h2', (h) => h.textContent);
const providerTabs = async ({ browser }: Chromium) =>
  browser
    .targets()
    .filter((target) => target.type() === 'page' && target.url().startsWith(PROVIDER))
    .map((target) => target.url());

async function clickMood(popup: Page, within: string, mood: Mood): Promise<void> {
  await popup.$eval(`${within} button[data-mood=${mood}]`, (button) => (button as HTMLButtonElement).click());
}

describe.each(['en', 'de'])('the designed popup in Chromium (%s)', (lang) => {
  let chromium: Chromium;
  let popup: Page;

  beforeAll(async () => {
    chromium = await launchWithExtension(fixtureVideo('one-face').video, undefined, { lang });
    await seedStorage(chromium, { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, countdown: false } });
    popup = await openPopup(chromium);
  });

  afterAll(async () => {
    await chromium?.browser.close();
  });

  it("speaks the browser's language", async () => {
    expect(await popup.$eval('button.capture', (b) => b.textContent)).toBe(messageIn(lang, 'popup_capture'));
  });

  it('first view: fits, readable, accessible', async () => {
    await expectPopupFits(popup, 'first view');
  });

  it('camera permission needed: fits', async () => {
    await captureInPopup(popup);
    expect(await popup.$eval('.status', (el) => el.classList.contains('error'))).toBe(true);
    await expectPopupFits(popup, 'permission needed');
  });

  it('result: fits, the reading in mood colours, one provider tab', async () => {
    await allowCamera(chromium);
    await popup.bringToFront();
    await captureInPopup(popup);
    await popup.waitForSelector('section.result [role=meter]');
    const fills = await popup.$$eval('.bars .fill', (els) =>
      els.map((el) => getComputedStyle(el).backgroundColor),
    );
    expect(new Set(fills).size).toBe(5); // each mood its own colour
    await expectPopupFits(popup, 'result');
    // A tab opened behind the popup shows its address once its navigation starts: waited for.
    await chromium.browser.waitForTarget(
      (target) => target.type() === 'page' && target.url().startsWith(PROVIDER),
      { timeout: 30_000 },
    );
    expect(await providerTabs(chromium)).toHaveLength(1);
  });

  it('corrected: fits, and the correction loads in the tab the capture opened', async () => {
    const [before] = await providerTabs(chromium);
    const shown = await popup.$eval('section.result h2', (h) => h.getAttribute('data-mood') as Mood);
    const corrected: Mood = shown === 'calm' ? 'sad' : 'calm';
    const heading = await headingOf(popup);
    await clickMood(popup, '.mood-picker', corrected);
    await popup.waitForFunction(
      (old) => document.querySelector('section.result h2')?.textContent !== old,
      {},
      heading,
    );
    await expectPopupFits(popup, 'corrected');
    let tabs: string[] = [];
    for (let tries = 0; tries < 50; tries++) {
      tabs = await providerTabs(chromium);
      if (tabs[0] !== before) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(tabs).toHaveLength(1); // one tab...
    expect(tabs[0]).not.toBe(before); // ...at the correction's address
  });

  it('a pick after its tab was closed opens a new one', async () => {
    for (const target of chromium.browser.targets())
      if (target.type() === 'page' && target.url().startsWith(PROVIDER))
        await (await target.asPage())!.close();
    await clickMood(popup, '.mood-picker', 'surprised');
    await chromium.browser.waitForTarget(
      (target) => target.type() === 'page' && target.url().startsWith(PROVIDER),
      { timeout: 30_000 },
    );
    expect(await providerTabs(chromium)).toHaveLength(1);
  });

  it('unsure: asks with one picker, fits; the answer the camera also read overrules nothing', async () => {
    const { examples } = (await readStorage(chromium, CALIBRATION_KEY)) as {
      examples: { probabilities: MoodProbabilities }[];
    };
    await seedStorage(chromium, { [CALIBRATION_KEY]: unsureCalibration(examples[0]!.probabilities) });
    await captureInPopup(popup);
    await popup.waitForSelector('.unsure');
    expect(await popup.$('.mood-picker')).toBeNull();
    await expectPopupFits(popup, 'unsure');
    const first = await popup.$eval('.unsure button', (b) => b.getAttribute('data-mood') as Mood);
    await clickMood(popup, '.unsure', first);
    await popup.waitForSelector('.opened');
    expect(await popup.$('.camera-reading')).toBeNull(); // the camera read it too: nothing overruled
    await expectPopupFits(popup, 'chosen');
  });
});

describe.each(['en', 'de'])('the popup on a machine with no camera (%s)', (lang) => {
  let chromium: Chromium;
  let popup: Page;

  beforeAll(async () => {
    chromium = await launchWithExtension(null, undefined, { lang });
    popup = await openPopup(chromium);
  });

  afterAll(async () => {
    await chromium?.browser.close();
  });

  it('no camera: says so, fits, readable, accessible', async () => {
    await allowCamera(chromium);
    await popup.bringToFront();
    expect(await captureInPopup(popup, 60_000)).toBe(messageIn(lang, 'error_noCamera'));
    await expectPopupFits(popup, 'no camera');
  });
});

describe.each(['en', 'de'])('nobody in front of the camera; the options and welcome pages (%s)', (lang) => {
  let chromium: Chromium;

  beforeAll(async () => {
    chromium = await launchWithExtension(fixtureVideo('no-face').video, undefined, { lang });
    await allowCamera(chromium);
    // A year of journal: the options page draws all its charts and tables.
    await seedStorage(chromium, {
      [JOURNAL_PREFS_KEY]: { enabled: true, asked: true, retention: 365 },
      ...bucketedItems(STORED.journal, sampleJournal(new Date())),
    });
  });

  afterAll(async () => {
    await chromium?.browser.close();
  });

  it('popup, counting down with the camera\'s picture and after "no face": fits, readable, accessible; the picture goes with the camera', async () => {
    const popup = await openPopup(chromium);
    const offscreen = await watchedOffscreen(chromium); // the popup's warm-up opened it
    const over = captureInPopup(popup); // the countdown is on by default
    await popup.waitForSelector('.snapshot-moment');
    // The offscreen document's frames, drawn: some pixel is not blank.
    await popup.waitForFunction(
      () => {
        const canvas = document.querySelector<HTMLCanvasElement>('.camera-preview canvas');
        const pixels = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        return !!pixels && pixels.some((value, i) => i % 4 !== 3 && value > 0);
      },
      { timeout: 10_000, polling: 100 },
    );
    expect(await popup.$('.camera-preview .face-guide')).not.toBeNull();
    await expectPopupFits(popup, 'countdown');
    await over;
    expect(await popup.$('.camera-preview')).toBeNull();
    expect(await trackStates(offscreen)).toEqual(expect.arrayContaining(['ended']));
    expect(await trackStates(offscreen)).not.toContain('live');
    expect(await popup.$eval('.status', (el) => el.classList.contains('error'))).toBe(true);
    await expectPopupFits(popup, 'no face');
    await popup.close();
  });

  it('options, a group photo read with its faces marked and the second chosen: fits 700px, accessible', async () => {
    const page = await chromium.browser.newPage();
    await page.setViewport({ width: 700, height: 900 });
    await page.goto(`${chromium.origin}options.html#photo`);
    const input = (await page.$('#photo input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(join(ROOT, 'test', 'fixtures', 'faces', 'two-faces.jpg'));
    await page.waitForSelector('#photo .face-choice button', { timeout: 240_000 });
    await (await page.$$('#photo .face-choice button'))[1]!.click();
    await page.waitForSelector('#photo .face-choice button[aria-pressed=true]:last-of-type', {
      timeout: 60_000,
    });
    await page.waitForSelector('#photo .photo-mood-words');
    const { overflow } = await layoutOf(page);
    expect({ overflow }).toEqual({ overflow: 0 });
    await expectAccessible(page, 'options with a photo');
    await page.close();
  });

  it.each(['options', 'welcome'])(
    '%s: no sideways scrolling at 700px and 1280px, text 13px or more, accessible',
    async (name) => {
      const page = await chromium.browser.newPage();
      for (const width of [700, 1280]) {
        await page.setViewport({ width, height: 900 });
        await page.goto(`${chromium.origin}${name}.html`);
        await page.waitForSelector('h1');
        const { overflow, bodyFontPx } = await layoutOf(page);
        const problems = [
          overflow > 0 && `${overflow}px sideways scrolling`,
          bodyFontPx < 13 && `body text ${bodyFontPx}px`,
        ].filter(Boolean);
        expect({ name, width, problems }).toEqual({ name, width, problems: [] });
      }
      await expectAccessible(page, name);
      await page.close();
    },
  );

  it('camera blocked: says so with the steps to allow it, fits, readable, accessible', async () => {
    await blockCamera(chromium);
    const popup = await openPopup(chromium);
    expect(await captureInPopup(popup, 60_000)).toBe(messageIn(lang, 'error_cameraPermissionDenied'));
    await popup.waitForSelector('.camera-help ol');
    await expectPopupFits(popup, 'blocked');
    await popup.close();
  });
});
