/**
 * Mood patterns in Chromium (issue #20): the fixture journal (three weeks, mostly sad of late),
 * moved to end yesterday and imported on the options page, makes the popup say once that there is
 * something new, and the options page shows the report with its persistent-low-mood card.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { readStorage, seedStorage } from '../../src/node/chromium';
import { ROOT } from '../../src/node/modelPaths';
import { PATTERNS_SEEN_KEY } from '../../src/storage/registry';
import { launchWithExtension, openPopup, type Chromium } from './chromium';
import { englishText } from './texts';

jest.setTimeout(180_000);

const DAY_MS = 24 * 60 * 60 * 1000;
const FIXTURE = join(ROOT, 'test/fixtures/journal/persistent-low-21-days.json');
const NOTE = englishText('patterns_popupNote');

let chromium: Chromium;
let folder: string;

/** The fixture with every entry moved by whole days, so that its last day is yesterday (UTC). */
function recentFixture(): string {
  const journal = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { entries: { time: string }[] };
  const last = Math.max(...journal.entries.map((entry) => Date.parse(entry.time)));
  const shift = (Math.floor(Date.now() / DAY_MS) - 1 - Math.floor(last / DAY_MS)) * DAY_MS;
  for (const entry of journal.entries) entry.time = new Date(Date.parse(entry.time) + shift).toISOString();
  const file = join(folder, 'moodtab-journal.json');
  writeFileSync(file, JSON.stringify(journal));
  return file;
}

async function openOptions(): Promise<Page> {
  const options = await chromium.browser.newPage();
  await options.goto(`${chromium.origin}options.html`);
  return options;
}

/** The popup once it has had time to read the journal: whether it shows the note. */
async function popupNote(): Promise<string | null> {
  const popup = await openPopup(chromium);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const text = await popup.$eval('.patterns-note', (note) => note.textContent).catch(() => null);
  await popup.close();
  return text;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'moodtab-patterns-'));
  chromium = await launchWithExtension(null);
});

afterAll(async () => {
  await chromium?.browser.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('Moodtab in Chromium: mood patterns', () => {
  it('imports a journal while it is off: nothing is computed or shown', async () => {
    const options = await openOptions();
    const input = (await options.waitForSelector('#import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(recentFixture());
    await options.locator('table.entries tbody tr').wait();
    expect(await options.$('#patterns')).toBeNull();
    await options.close();
    expect(await popupNote()).toBeNull();
  });

  it('once the journal is on, the popup says once that something is new', async () => {
    const welcome = (await chromium.welcome.page())!;
    await welcome.bringToFront();
    await welcome.locator('::-p-aria(Yes, keep a journal)').click();
    await welcome.locator('::-p-text(Your mood journal is on.)').wait();
    await welcome.close();

    const popup = await openPopup(chromium);
    await popup.locator('.patterns-note').wait();
    expect(await popup.$eval('.patterns-note', (note) => note.textContent)).toContain(NOTE);
    await popup.locator('.patterns-note ::-p-aria(Dismiss)').click();
    await popup.waitForFunction(() => !document.querySelector('.patterns-note'));
    await popup.close();
    expect(await popupNote()).toBeNull();
  });

  it('links from the note to the report on the options page, whose persistent-low-mood card counts as seen', async () => {
    await seedStorage(chromium, { [PATTERNS_SEEN_KEY]: {} }); // as if never dismissed
    const popup = await openPopup(chromium);
    const opened = chromium.browser.waitForTarget(
      (target) => target.url() === `${chromium.origin}options.html#patterns`,
      { timeout: 30_000 },
    );
    await popup.locator('.patterns-note ::-p-aria(See your patterns)').click();
    const options = (await (await opened).page())!;
    await popup.close();
    await options.locator('#patterns .pattern-card[data-code="persistent-low-mood"]').wait();
    const message = await options.$eval(
      '#patterns .pattern-card[data-code="persistent-low-mood"] .pattern-message',
      (p) => p.textContent,
    );
    expect(message).toMatch(
      /^Sad or angry has come up a lot lately: it was the mood seen most on 12 of the 14 days/,
    );
    expect(await options.$eval('#patterns .pattern-support a', (a) => a.getAttribute('href'))).toBe(
      'https://findahelpline.com',
    );
    await options.waitForFunction(
      async (key) => {
        const storage = (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, object>> } } };
          }
        ).chrome.storage.local;
        return Object.keys((await storage.get(key))[key] ?? {}).length > 0;
      },
      { polling: 100, timeout: 10_000 },
      PATTERNS_SEEN_KEY,
    );
    expect(await readStorage(chromium, PATTERNS_SEEN_KEY)).toHaveProperty('persistent-low-mood');

    // Printed: the report alone (period, cards, charts), without its controls or the rest of the page.
    await options.click('#patterns .pattern-card summary'); // the browser's print opens every card
    await options.emulateMediaType('print');
    const shown = (selector: string) =>
      options.$$eval(selector, (all) => all.map((element) => getComputedStyle(element).display !== 'none'));
    expect(
      await shown(
        '#patterns, #patterns .pattern-period, #patterns .pattern-card:not(.has-search-words), #patterns svg.day-strip',
      ),
    ).not.toContain(false);
    expect(await shown('nav, #data, table.entries, #patterns .pattern-print, #patterns fieldset')).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    // The fixture's "Good pick" searches: their words stay out until ticked in.
    expect(await shown('#patterns .has-search-words')).toEqual([false]);
    await options.emulateMediaType('screen');
    await options.click('#patterns .pattern-print input[type=checkbox]');
    await options.emulateMediaType('print');
    expect(await shown('#patterns .has-search-words')).toEqual([true]);
    await options.close();
    expect(await popupNote()).toBeNull();
  });
});
