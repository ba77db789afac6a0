/**
 * npm run screenshots: the real built extension (dist/chrome) in Debian's Chromium, in English
 * and German, light and dark: the popup with a result, asking "Calm or sad?", counting down beside the
 * camera's live picture, and with the camera blocked; the options page
 * with a year of journal charted and with a photo read ("Moods from a photo"), and the welcome
 * page, into docs/screenshots/ (README shows them).
 * The popup's face is test/fixtures/faces/one-face.jpg through Chromium's fake webcam.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  allowCamera,
  blockCamera,
  launchWithExtension,
  readStorage,
  seedStorage,
  type ExtensionBrowser,
} from '../chromium';
import { sampleJournal, unsureCalibration } from '../designStates';
import { fixtureVideo } from '../fakeCamera';
import { ROOT } from '../modelPaths';
import type { MoodProbabilities } from '../../model/moods';
import { DEFAULT_SETTINGS } from '../../recommendation/settings';
import { bucketedItems } from '../../storage/bucketedList';
import { CALIBRATION_KEY, JOURNAL_PREFS_KEY, SETTINGS_KEY, STORED } from '../../storage/registry';

const OUT = join(ROOT, 'docs', 'screenshots');
const SCHEMES = ['light', 'dark'] as const;
const LANGS = ['en', 'de'];

/** One picture per colour scheme, named `<name>-<lang>-<scheme>.png`. */
async function shoot(page: Page, name: string, lang: string, fullPage: boolean): Promise<void> {
  for (const scheme of SCHEMES) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    const path = join(OUT, `${name}-${lang}-${scheme}.png`);
    await page.screenshot({ path, fullPage });
    console.log(path);
  }
}

/**
 * A new page that formats dates and numbers in `lang`, as in a browser set to that language:
 * headless Chromium loads the extension's messages for --lang but still reports en-US from
 * i18n.getUILanguage(), which the pages' Intl formats follow.
 */
async function pageIn(chromium: ExtensionBrowser, lang: string): Promise<Page> {
  const page = await chromium.browser.newPage();
  await page.evaluateOnNewDocument((language) => {
    const { i18n } = (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome;
    i18n.getUILanguage = () => language;
  }, lang);
  return page;
}

/** Presses "Capture mood" and waits for the capture to end (the button is enabled again). */
async function capture(popup: Page, outcome: string): Promise<void> {
  await popup.click('button.capture');
  await popup.waitForSelector(outcome, { timeout: 240_000 });
  await popup.waitForSelector('button.capture:not([disabled])');
}

async function popupShots(chromium: ExtensionBrowser, lang: string): Promise<void> {
  const popup = await pageIn(chromium, lang);
  // As low as can be: the full-page picture is then the popup's own height, as the toolbar shows it.
  await popup.setViewport({ width: 340, height: 100, deviceScaleFactor: 2 });
  await popup.goto(`${chromium.origin}popup.html`);
  await popup.waitForSelector('button.capture:not([disabled])');
  await capture(popup, 'section.result .opened');
  await shoot(popup, 'popup-result', lang, true);
  // The capture above is the calibration's first example: the camera's reading of this face.
  const { examples } = (await readStorage(chromium, CALIBRATION_KEY)) as {
    examples: { probabilities: MoodProbabilities }[];
  };
  await seedStorage(chromium, { [CALIBRATION_KEY]: unsureCalibration(examples[0]!.probabilities) });
  await capture(popup, '.unsure');
  await shoot(popup, 'popup-unsure', lang, true);
  await countdownShot(chromium, popup, lang);
  await blockedShot(chromium, popup, lang);
  await popup.close();
}

/** Counting down, once the camera's picture is drawn in the preview. */
async function countdownShot(chromium: ExtensionBrowser, popup: Page, lang: string): Promise<void> {
  await seedStorage(chromium, { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, countdown: true } });
  await popup.reload();
  await popup.waitForSelector('button.capture:not([disabled])');
  await popup.click('button.capture');
  await popup.waitForFunction(
    () => {
      const canvas = document.querySelector<HTMLCanvasElement>('.camera-preview canvas');
      const pixels = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      return !!pixels && pixels.some((value, i) => i % 4 !== 3 && value > 0);
    },
    { timeout: 60_000, polling: 50 },
  );
  await shoot(popup, 'popup-countdown', lang, true);
  await popup.waitForSelector('button.capture:not([disabled])', { timeout: 240_000 });
  await seedStorage(chromium, { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, countdown: false } });
}

/** The camera blocked: the steps to allow it again. The camera is allowed again after, for the welcome page. */
async function blockedShot(chromium: ExtensionBrowser, popup: Page, lang: string): Promise<void> {
  await blockCamera(chromium);
  await popup.reload();
  await popup.waitForSelector('button.capture:not([disabled])');
  await capture(popup, '.camera-help');
  await shoot(popup, 'popup-blocked', lang, true);
  await allowCamera(chromium);
}

/** `prepare`: what to click first (the options page shows the last 30 days, its fullest chart). */
async function pageShot(
  chromium: ExtensionBrowser,
  name: string,
  lang: string,
  ready: string,
  prepare?: string,
) {
  const page = await pageIn(chromium, lang);
  await page.setViewport({ width: 1280, height: 1000 });
  await page.goto(`${chromium.origin}${name}.html`);
  await page.waitForSelector(ready);
  if (prepare) await page.click(prepare);
  await shoot(page, name, lang, false);
  await page.close();
}

/** The options page's "Moods from a photo" card with the fixture photo read (in the offscreen document). */
async function photoShot(chromium: ExtensionBrowser, lang: string): Promise<void> {
  const page = await pageIn(chromium, lang);
  await page.setViewport({ width: 1280, height: 1000 });
  await page.goto(`${chromium.origin}options.html#photo`);
  const input = (await page.waitForSelector('#photo input[type=file]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(join(ROOT, 'test', 'fixtures', 'faces', 'one-face.jpg'));
  await page.waitForSelector('#photo .photo-mood-words', { timeout: 240_000 });
  await page.$eval('#photo', (card) => card.scrollIntoView());
  await shoot(page, 'options-photo', lang, false);
  await page.close();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const { video } = fixtureVideo('one-face');
  for (const lang of LANGS) {
    const chromium = await launchWithExtension(video, undefined, { lang });
    try {
      await allowCamera(chromium);
      await seedStorage(chromium, {
        [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, countdown: false },
        [JOURNAL_PREFS_KEY]: { enabled: true, asked: true, retention: 365 },
        ...bucketedItems(STORED.journal, sampleJournal(new Date())),
      });
      await popupShots(chromium, lang);
      await pageShot(chromium, 'options', lang, '#moods svg', 'input[name=period][value=month]');
      await photoShot(chromium, lang);
      await pageShot(chromium, 'welcome', lang, '.camera-status');
    } finally {
      await chromium.browser.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
