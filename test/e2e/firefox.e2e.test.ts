/**
 * End to end in Debian's firefox-esr (see firefox.ts for how it is driven): the built add-on, the
 * popup in a tab with its capture page, Firefox's fake camera. The fake camera shows a moving
 * pattern and cannot be fed a face video, so captures here take the no-face path; the mood
 * picker (always there) then opens the tab a reading would have. The welcome page the install
 * opens is where the camera is asked for.
 */
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { MOODS } from '../../src/model/moods';
import { ROOT } from '../../src/node/modelPaths';
import { armsFor, recommendationFor } from '../../src/recommendation/catalogue';
import { captureInPopup, recordStatusHistory, statusHistory } from './chromium';
import {
  cameraTracks,
  captureFrameOf,
  evaluateIn,
  launchFirefox,
  openExtensionPage,
  pageAt,
  pressShortcut,
  recordCameraStreams,
  rememberCameraGrant,
  setPref,
  tabsAt,
  toolbarPopupStatus,
  type Firefox,
} from './firefox';
import { english, englishText, errorText } from './texts';

jest.setTimeout(300_000);

/** The part of the add-on pages' `browser.*` API these tests call. */
declare const browser: {
  action: { getPopup(details: object): Promise<string> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

let firefox: Firefox;
let popup: Page;

beforeAll(async () => {
  firefox = await launchFirefox();
  popup = await openExtensionPage(firefox, 'popup.html');
  await popup.locator('::-p-aria(Capture mood)').wait();
});

afterAll(async () => {
  await firefox?.browser.close();
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let tries = 0; ; tries++) {
    const value = await read();
    if (done(value)) return value;
    if (tries > 600) throw new Error(`waited in vain for ${what}; last saw ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Moodtab in Firefox', () => {
  it("loads the models in the popup's own capture page as soon as the popup opens, and keeps the backend measured there", async () => {
    const frame = await captureFrameOf(firefox);
    await waitFor(
      () =>
        evaluateIn<number>(
          firefox,
          frame,
          'globalThis._tfengine ? globalThis._tfengine.state.numTensors : 0',
        ),
      (tensors) => tensors > 0,
      'the warm-up to load the models in the capture page',
    );
    // The background stored the choice the capture page's micro-benchmark made, as on Chrome.
    const stored = await waitFor(
      () => popup.evaluate(async () => (await browser.storage.local.get('backendChoice')).backendChoice),
      Boolean,
      'the measured backend to be stored',
    );
    const backend = await evaluateIn<string>(firefox, frame, 'globalThis._tfengine.backendName');
    expect(stored).toMatchObject({ name: backend, browser: expect.stringContaining('Firefox') });
  });

  it('on first use, asks on the welcome page, in one tab however often, and says to tick "Remember this decision"', async () => {
    expect(await captureInPopup(popup)).toBe(errorText('camera-permission-needed'));
    expect(await captureInPopup(popup)).toBe(errorText('camera-permission-needed'));
    // The welcome tab the install opened is the one that asks, brought to its camera section.
    expect(await tabsAt(firefox, `${firefox.origin}welcome.html`)).toEqual([
      expect.objectContaining({ url: `${firefox.origin}welcome.html#camera` }),
    ]);

    const welcome = await pageAt(firefox, 'welcome.html#camera');
    await welcome.locator('#camera ::-p-aria(Allow camera)').wait();
    expect(await welcome.$eval('#camera .remember', (el) => el.textContent)).toContain(
      'tick “Remember this decision” before you choose Allow',
    );
  });

  it('shows on the welcome page that the camera is allowed, once the grant is remembered', async () => {
    await rememberCameraGrant(firefox);
    const welcome = await pageAt(firefox, 'welcome.html#camera');
    await welcome.waitForFunction(() => !document.querySelector('#camera button.primary'));
    expect(await welcome.$('#camera .remember')).toBeNull();
    expect(await welcome.$eval('#camera [role=status]', (el) => el.textContent)).toMatch(
      /^Moodtab may use your camera/,
    );
  });

  it('captures in the popup: says no face was found, opens no tab, and turns the camera off', async () => {
    await popup.bringToFront(); // Firefox holds camera requests of tabs in the background
    const frame = await captureFrameOf(firefox);
    await recordCameraStreams(firefox, frame);
    await recordStatusHistory(popup);
    // The camera's picture, sent by the capture frame during the countdown: noted as it appears.
    await popup.evaluate(() => {
      const page = window as unknown as { previewSeen?: boolean };
      new MutationObserver(() => {
        if (document.querySelector('.camera-preview canvas')) page.previewSeen = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    expect(await captureInPopup(popup)).toBe(errorText('no-face'));
    expect(await popup.evaluate(() => (window as unknown as { previewSeen?: boolean }).previewSeen)).toBe(
      true,
    );
    expect(await popup.$('.camera-preview')).toBeNull(); // gone with the camera
    // The countdown (on by default) shows in Firefox's popup too, counting down before the snapshot.
    const countdown = (await statusHistory(popup)).filter((line) => /^Look at the camera… \d$/.test(line));
    expect(countdown.length).toBeGreaterThan(0);
    expect(countdown).toEqual([...countdown].sort().reverse());
    expect(await tabsAt(firefox, 'https://')).toEqual([]);
    const tracks = await cameraTracks(firefox, frame);
    expect(tracks.length).toBeGreaterThan(0); // the camera was really opened...
    expect(tracks.every((state) => state === 'ended')).toBe(true); // ...and closed
    // The capture page's tfjs ran in the popup, not in the background page.
    expect(await evaluateIn(firefox, frame, 'globalThis._tfengine.state.numTensors > 0')).toBe(true);
  });

  it('after "no face", opens the tab for a mood picked by hand', async () => {
    await popup.locator('.mood-picker ::-p-aria([name="Happy"][role="button"])').click();
    const urls = armsFor('happy', 'music', 'match', 'youtube-music').map(
      (arm) => recommendationFor(arm, 'happy', 'music', 'match').url,
    );
    const opened = await waitFor(
      () => tabsAt(firefox, 'https://'),
      (found) => found.length === 1,
      'a tab for the picked mood',
    );
    expect(urls).toContain(opened[0]!.url);
    await popup.waitForFunction(
      () => document.querySelector('[role=status]')?.textContent === 'You chose happy. Opened YouTube Music.',
    );
  });

  it('teaches on the options page through its own capture frame, where a failed prompt says why and opens nothing', async () => {
    const options = await openExtensionPage(firefox, 'options.html');
    await options.bringToFront(); // Firefox holds camera requests of tabs in the background
    await options.locator('::-p-aria(Start teaching[role="button"])').click();
    await options.locator('::-p-aria(Ready[role="button"])').click();
    // The fake camera shows no face: the reading came from this page's frame, through the camera.
    await options.waitForFunction(
      (text) => document.querySelector('.teach-face [role=status]')?.textContent === text,
      { timeout: 120_000 },
      errorText('no-face'),
    );
    expect(await tabsAt(firefox, 'https://')).toHaveLength(1); // the hand-picked mood's, above
    await options.close();
    await popup.bringToFront();
  });

  it("reads a photo on the options page in the page's own capture frame: its face marked, a mood shown, no tab opened", async () => {
    const tabsBefore = (await tabsAt(firefox, 'https://')).length;
    const options = await openExtensionPage(firefox, 'options.html#photo');
    const input = (await options.$('#photo input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(join(ROOT, 'test', 'fixtures', 'faces', 'one-face.jpg'));
    const words = await options.waitForSelector('#photo .photo-mood-words', { timeout: 240_000 });
    const text = await words!.evaluate((element) => element.textContent ?? '');
    expect(MOODS.map((mood) => englishText('options_photoReads', english[`mood_${mood}`].message))).toContain(
      text,
    );
    expect(await options.$('#photo iframe')).not.toBeNull(); // Firefox reads in this page's frame
    expect(await options.$('#photo canvas.photo')).not.toBeNull();
    expect(await tabsAt(firefox, 'https://')).toHaveLength(tabsBefore);
    await options.close();
    await popup.bringToFront();
  });

  it('runs the keyboard shortcut: the toolbar popup opens and captures', async () => {
    await pressShortcut(firefox);
    const status = await waitFor(() => toolbarPopupStatus(popup), Boolean, 'the toolbar popup to capture');
    expect(status).toBe(errorText('no-face'));
    // A later click on the icon opens the plain popup again, which waits to be asked.
    expect(await popup.evaluate(() => browser.action.getPopup({}))).toBe(`${firefox.origin}popup.html`);
  });

  it('says no camera was found when the camera is unplugged between captures', async () => {
    await popup.bringToFront();
    const frame = await captureFrameOf(firefox);
    await setPref(firefox, 'media.navigator.streams.fake', false); // the only camera goes away
    try {
      const cameras = await evaluateIn<number>(
        firefox,
        frame,
        `navigator.mediaDevices.enumerateDevices().then((all) => all.filter((d) => d.kind === 'videoinput').length)`,
      );
      expect(cameras).toBe(0); // this machine must have no real camera for the test to mean anything
      expect(await captureInPopup(popup)).toBe(errorText('no-camera'));
    } finally {
      await setPref(firefox, 'media.navigator.streams.fake', true);
    }
  });
});
