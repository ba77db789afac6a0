/**
 * Bad input and faults, in Debian's real Chromium with the built extension: malformed and
 * oversized messages, a second capture sent straight to the camera's host, the service worker
 * stopped and the offscreen document closed mid-capture, a full storage area, a broken model file.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ROOT } from '../../src/node/modelPaths';
import { DEFAULT_SETTINGS } from '../../src/recommendation/settings';
import {
  allowCamera,
  captureContextFigures,
  captureInPopup,
  CHROME_EXTENSION,
  launchWithExtension,
  nextTab,
  offscreenSession,
  openPages,
  openPopup,
  trackStates,
  watchedOffscreen,
  type Chromium,
} from './chromium';
import { fixtureVideo } from '../../src/node/fakeCamera';
import { errorText } from './texts';
import { FIRST_FRAME_MS } from '../../src/model/limits';
import { PHOTO_CHANNEL } from '../../src/protocol/photoChannel';

jest.setTimeout(300_000);

/** The part of chrome.* an extension page offers that these tests call. */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
};

let chromium: Chromium;
let popup: Page;

/** Sends a raw message from the popup, one of the extension's own pages, and returns the answer. */
const send = (message: unknown) =>
  popup.evaluate((m) => chrome.runtime.sendMessage(m).catch((e: Error) => `rejected: ${e.message}`), message);

/**
 * Starts a capture in the popup and resolves once the camera is on (the countdown, 3 s by
 * default, or later), with its outcome.
 */
async function captureUnderWay(page: Page): Promise<{ outcome: Promise<string> }> {
  const outcome = captureInPopup(page);
  await page.waitForFunction(
    () => /Look at the camera|Reading your mood/.test(document.querySelector('[role=status]')!.textContent!),
    { timeout: 240_000, polling: 20 },
  );
  return { outcome };
}

/** Captures until the camera's host is free again (a capture it still finishes refuses a new one). */
async function captureWhenFree(page: Page): Promise<string> {
  for (let tries = 0; ; tries++) {
    const status = await captureInPopup(page);
    if (status !== errorText('capture-in-progress') || tries === 10) return status;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

beforeAll(async () => {
  chromium = await launchWithExtension(fixtureVideo('one-face').video);
  await allowCamera(chromium);
  popup = await openPopup(chromium);
  // Loads the models once, so the faults below strike mid-capture, not mid-download.
  expect(await captureInPopup(popup)).toMatch(/^You look/);
  // Its tab may show its address after the result does (a loaded machine): tests that count the
  // pages start once it is there.
  await nextTab(chromium, 'https://', 30_000);
});

afterAll(async () => {
  await chromium?.browser.close();
});

describe('the message protocol in the real extension', () => {
  const settings = DEFAULT_SETTINGS;

  it.each(['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf'])(
    'refuses message type %s, a name every object inherits',
    async (type) => {
      expect(await send({ target: 'background', type, settings })).toMatchObject({
        ok: false,
        error: { code: 'bad-message', detail: `unknown background message type "${type}"` },
      });
    },
  );

  it('refuses unknown fields, foreign moods and prototype-named providers', async () => {
    const capture = { target: 'background', type: 'capture-mood', settings };
    expect(await send({ ...capture, frames: 3 })).toMatchObject({ error: { code: 'bad-message' } });
    expect(
      await send({ target: 'background', type: 'open-recommendation', mood: 'constructor', settings }),
    ).toMatchObject({
      error: { code: 'bad-message', detail: 'invalid mood in background/open-recommendation' },
    });
    expect(
      await send({ ...capture, settings: { ...settings, providers: { music: 'hasOwnProperty' } } }),
    ).toMatchObject({ error: { code: 'bad-message' } });
    // The warm-up and the countdown are held to the same rules.
    expect(await send({ target: 'background', type: 'warm-up', backend: 'cpu' })).toMatchObject({
      error: { code: 'bad-message', detail: 'unknown field "backend" in background/warm-up' },
    });
    expect(
      await send({ target: 'offscreen', type: 'recognize-mood', frames: 3, countdownSeconds: 600 }),
    ).toMatchObject({
      error: { code: 'bad-message', detail: 'invalid countdownSeconds in offscreen/recognize-mood' },
    });
    // So are a hand pick's capture and the feedback on a pick, field by field.
    const pick = {
      id: 'pick-1',
      mood: 'sad',
      media: 'music',
      strategy: 'match',
      providerId: 'spotify',
      query: 'sad songs',
    };
    expect(
      await send({
        target: 'background',
        type: 'recommendation-feedback',
        pick: { ...pick, toString: 'x' },
        verdict: 'good-pick',
      }),
    ).toMatchObject({
      error: {
        code: 'bad-message',
        detail: 'unknown field "pick.toString" in background/recommendation-feedback',
      },
    });
    expect(
      await send({ target: 'background', type: 'recommendation-feedback', pick, verdict: 'constructor' }),
    ).toMatchObject({
      error: { code: 'bad-message', detail: 'invalid verdict in background/recommendation-feedback' },
    });
    expect(
      await send({
        target: 'background',
        type: 'open-recommendation',
        mood: 'sad',
        settings,
        capture: { id: 'capture-1', camera: 'valueOf', probabilities: {} },
      }),
    ).toMatchObject({
      error: { code: 'bad-message', detail: 'invalid capture.camera in background/open-recommendation' },
    });
  });

  it('refuses a 20 MB message without opening the camera or a tab', async () => {
    const pages = (await chromium.browser.pages()).length;
    const answer = await popup.evaluate(() =>
      chrome.runtime.sendMessage({
        target: 'background',
        type: 'capture-mood',
        settings: { media: 'music', strategy: 'match', providers: {} },
        note: 'x'.repeat(20_000_000),
      }),
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'bad-message', detail: 'larger than 4096 characters' },
    });
    expect((await chromium.browser.pages()).length).toBe(pages);
  });

  it('reads a photo only by an id one of its own pages offers, and checks the file it is handed itself', async () => {
    const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const photo = { target: 'offscreen', type: 'read-photo', photo: id };
    // A URL, a path or pixels are no photo id.
    for (const bad of [`blob:${chromium.origin}${id}`, '/etc/passwd', [0, 0, 0, 255]])
      expect(await send({ ...photo, target: 'background', photo: bad })).toMatchObject({
        ok: false,
        error: { code: 'bad-message' },
      });
    // An id no page offers: the capture page waits for the file a few seconds, then gives up.
    expect(await send(photo)).toMatchObject({ ok: false, error: { code: 'no-answer' } });
    // A page that hands over something that is not an image: refused where it is read, too.
    const answer = await popup.evaluate(
      async (message, name) => {
        const channel = new BroadcastChannel(name);
        channel.onmessage = ({ data }) =>
          data?.want === message.photo &&
          channel.postMessage({ id: message.photo, photo: new Blob(['not a photo'], { type: 'image/png' }) });
        try {
          return await chrome.runtime.sendMessage(message);
        } finally {
          channel.close();
        }
      },
      photo,
      PHOTO_CHANNEL,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-message' } });
  });

  it('holds the one-capture lock where the camera is: a request sent straight there is refused', async () => {
    const { outcome } = await captureUnderWay(popup);
    const request = { target: 'offscreen', type: 'recognize-mood', frames: 3, countdownSeconds: 0 };
    expect(await send(request)).toMatchObject({
      ok: false,
      error: { code: 'capture-in-progress' },
    });
    expect(await outcome).toMatch(/^You look/);
  });
});

describe('faults', () => {
  it('the service worker stopped mid-capture: the popup says so, the next capture works, the camera is off', async () => {
    const offscreen = await watchedOffscreen(chromium);
    const { outcome } = await captureUnderWay(popup);
    const devtools = await popup.createCDPSession();
    await devtools.send('ServiceWorker.enable');
    await devtools.send('ServiceWorker.stopAllWorkers');
    expect(await outcome).toBe(errorText('interrupted'));

    expect(await captureWhenFree(popup)).toMatch(/^You look/);
    const { tracks } = await captureContextFigures(offscreen);
    expect(tracks.length).toBeGreaterThanOrEqual(2); // both captures opened the camera...
    expect(tracks).not.toContain('live'); // ...and turned it off
  });

  it('the offscreen document closed mid-capture: the popup says so, the next capture opens a new one', async () => {
    const { outcome } = await captureUnderWay(popup);
    const browserSession = await chromium.browser.target().createCDPSession();
    const { targetInfos } = await browserSession.send('Target.getTargets');
    const offscreen = targetInfos.find((t) => t.url === `${chromium.origin}offscreen.html`)!;
    await browserSession.send('Target.closeTarget', { targetId: offscreen.targetId });
    expect(await outcome).toBe(errorText('interrupted'));

    // Opened again, the popup's warm-up creates a new offscreen document, watched before it captures.
    await popup.reload();
    await popup.locator('::-p-aria(Capture mood)').wait();
    const reopened = await watchedOffscreen(chromium);
    expect(await captureWhenFree(popup)).toMatch(/^You look/);
    const { tracks } = await captureContextFigures(reopened);
    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks).not.toContain('live');
  });

  it('a camera that shows no picture: the popup says so within the limit, the camera is off, the next capture works', async () => {
    const offscreen = await watchedOffscreen(chromium);
    // The next video never starts playing, as with a camera that opens but delivers no frame.
    await offscreen.send('Runtime.evaluate', {
      expression: `(() => {
        const play = HTMLMediaElement.prototype.play;
        HTMLMediaElement.prototype.play = function () {
          HTMLMediaElement.prototype.play = play;
          return new Promise(() => {});
        };
      })()`,
    });
    const started = Date.now();
    expect(await captureWhenFree(popup)).toBe(errorText('camera-no-picture'));
    expect(Date.now() - started).toBeLessThan(FIRST_FRAME_MS + 3_000);
    expect(await trackStates(offscreen)).not.toContain('live');
    expect(await captureWhenFree(popup)).toMatch(/^You look/);
  });

  it('the popup closed during the countdown: the camera is off within 1 s, no tab opens, nothing is recorded', async () => {
    const journalOn = { journalPrefs: { enabled: true, asked: true, retention: 365 } };
    await popup.evaluate((items) => chrome.storage.local.set(items), journalOn);
    // Every entry in every month the journal keeps (`journal:<YYYY-MM>`).
    const journalLength = () =>
      popup.evaluate(async () =>
        Object.entries(await chrome.storage.local.get(null as unknown as string))
          .filter(([key]) => /^journal:\d{4}-\d{2}$/.test(key))
          .reduce((sum, [, entries]) => sum + (entries as unknown[]).length, 0),
      );
    const entriesBefore = await journalLength();
    const offscreen = await watchedOffscreen(chromium);
    const closing = await openPopup(chromium);
    const pagesBefore = openPages(chromium, '').map((target) => target.url());

    await closing.evaluate(() => document.querySelector<HTMLButtonElement>('button.capture')!.click());
    await closing.waitForFunction(
      () => /Look at the camera/.test(document.querySelector('[role=status]')!.textContent!),
      { timeout: 240_000, polling: 20 },
    );
    expect(await trackStates(offscreen)).toContain('live');
    await closing.close();
    const closed = Date.now();
    while ((await trackStates(offscreen)).includes('live') && Date.now() - closed < 5_000)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Date.now() - closed).toBeLessThan(1_000);

    // Long enough for the countdown, the reading and the tab, had the capture gone on.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const pagesAfter = openPages(chromium, '').map((target) => target.url());
    expect(pagesAfter.filter((url) => !pagesBefore.includes(url))).toEqual([]);
    expect(await journalLength()).toBe(entriesBefore);
    expect(await captureWhenFree(popup)).toMatch(/^You look/); // the lock was freed
    await popup.evaluate(async () => {
      const all = await chrome.storage.local.get(null as unknown as string);
      for (const key of Object.keys(all)) if (/^journal/.test(key)) await chrome.storage.local.remove(key);
    });
  });

  it('an idle offscreen document is closed, and the next capture opens a new one', async () => {
    const isOffscreen = (url: string) => url === `${chromium.origin}offscreen.html`;
    const offscreenOpen = () => chromium.browser.targets().some((t) => isOffscreen(t.url()));
    // What the document sends itself after CAPTURE_PAGE_IDLE_MS without a request.
    expect(await send({ target: 'background', type: 'capture-page-idle' })).toEqual({
      ok: true,
      value: { closed: true },
    });
    const closed = Date.now();
    while (offscreenOpen() && Date.now() - closed < 5_000)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(offscreenOpen()).toBe(false);
    expect(await captureWhenFree(popup)).toMatch(/^You look/);
    expect(offscreenOpen()).toBe(true);
  });

  it('storage full: the popup says so, keeps the choice on screen, and what was stored stays', async () => {
    // Fill storage.local (10 MB) to the last few bytes, as other data could: big items first, then ever smaller.
    await popup.evaluate(async () => {
      let i = 0;
      for (const size of [1_000_000, 10_000, 100, 1]) {
        for (;;) {
          try {
            await chrome.storage.local.set({ [`f${i++}`]: 'x'.repeat(size) });
          } catch {
            break;
          }
        }
      }
    });
    const stored = await popup.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    // A provider choice needs more bytes than the few left.
    await popup.select('select[name=provider]', 'youtube-music');
    expect(await captureInPopup(popup)).toBe(errorText('storage-full'));
    expect(await popup.$eval('select[name=provider]', (el) => (el as HTMLSelectElement).value)).toBe(
      'youtube-music',
    );
    expect(await popup.evaluate(async () => (await chrome.storage.local.get('settings')).settings)).toEqual(
      stored,
    );

    await popup.evaluate(async () => {
      const all = await chrome.storage.local.get(null as unknown as string);
      for (const key of Object.keys(all)) if (/^f\d+$/.test(key)) await chrome.storage.local.remove(key);
    });
  });
});

describe('a broken model file in the built extension', () => {
  const broken = join(ROOT, 'artifacts', 'e2e-broken-model');
  let other: Chromium;

  beforeAll(async () => {
    rmSync(broken, { recursive: true, force: true });
    cpSync(CHROME_EXTENSION, broken, { recursive: true });
    writeFileSync(join(broken, 'models', 'mood', 'model.json'), '{"modelTopology": {"node": [');
    other = await launchWithExtension(fixtureVideo('no-face').video, broken);
    await allowCamera(other);
  });

  afterAll(async () => {
    await other?.browser.close();
    rmSync(broken, { recursive: true, force: true });
  });

  it('says the model could not be loaded, each time, without retrying in a loop', async () => {
    const page = await openPopup(other);
    expect(await captureInPopup(page)).toBe(errorText('model-load-failed'));

    // The offscreen document exists now: count its requests for the mood model from here on.
    const session = await offscreenSession(other);
    const requests: string[] = [];
    session.on('Network.requestWillBeSent', ({ request }) => {
      if (request.url.endsWith('/models/mood/model.json')) requests.push(request.url);
    });
    await session.send('Network.enable');
    expect(await captureInPopup(page)).toBe(errorText('model-load-failed'));
    expect(requests).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(requests).toHaveLength(1); // one load per capture the user asked for, none in between
  });
});
