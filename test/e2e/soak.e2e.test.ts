/**
 * Soak: captures in a row from the popup in Debian's real Chromium (the fake webcam shows a face).
 * After each, the offscreen document's tfjs tensor count, its JS heap after a full garbage
 * collection and the state of every camera track it opened are read over DevTools. Fails on a
 * tensor leak (count not flat), on heap growth beyond HEAP_MARGIN_BYTES, or on any live track.
 * CI runs SOAK_CAPTURES captures (default 8); `npm run soak` runs 50 and prints the figures.
 */
import type { CDPSession } from 'puppeteer-core';
import {
  allowCamera,
  captureContextFigures,
  captureInPopup,
  closePages,
  launchWithExtension,
  openPopup,
  recordCameraStreams,
  trackStates,
  watchedOffscreen,
  type CaptureContextFigures,
  type Chromium,
} from './chromium';
import { fixtureVideo } from '../../src/node/fakeCamera';

const CAPTURES = Number(process.env.SOAK_CAPTURES ?? 8);
/** Heap growth allowed from the first capture to the last: three camera frames are 3.7 MB. */
const HEAP_MARGIN_BYTES = 4 * 1024 * 1024;

jest.setTimeout(120_000 + CAPTURES * 30_000);

let chromium: Chromium;

beforeAll(async () => {
  chromium = await launchWithExtension(fixtureVideo('one-face').video);
  await allowCamera(chromium);
});

afterAll(async () => {
  await chromium?.browser.close();
});

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

function report(figures: CaptureContextFigures[], ms: number[]): void {
  const rows = figures.map(
    (f, i) =>
      `${String(i + 1).padStart(4)}  ${String(f.tensors).padStart(7)}  ${mb(f.heapBytes).padStart(7)}  ` +
      `${String(ms[i]).padStart(6)}  ${f.tracks.filter((state) => state === 'live').length} of ${f.tracks.length}`,
  );
  process.stdout.write(
    `\nsoak: ${figures.length} captures in the offscreen document\n` +
      `   #  tensors  heap MB      ms  camera tracks live of opened\n${rows.join('\n')}\n` +
      `heap growth first to last: ${mb(figures.at(-1)!.heapBytes - figures[0]!.heapBytes)} MB ` +
      `(margin ${mb(HEAP_MARGIN_BYTES)} MB)\n\n`,
  );
}

describe(`soak: ${CAPTURES} captures in a row`, () => {
  it('the track probe sees a camera left on (so its "none live" below means something)', async () => {
    const page = await openPopup(chromium);
    const session: CDPSession = await page.createCDPSession();
    await recordCameraStreams(session);
    await page.evaluate(async () => {
      (window as unknown as { leftOn: MediaStream }).leftOn = await navigator.mediaDevices.getUserMedia({
        video: true,
      });
    });
    expect(await trackStates(session)).toContain('live');
    await page.close();
  });

  it('leaks no tensors, keeps the heap flat, and leaves no camera track live', async () => {
    const popup = await openPopup(chromium);
    // The popup's warm-up opens the offscreen document: its camera streams are watched from here.
    const session = await watchedOffscreen(chromium);
    const figures: CaptureContextFigures[] = [];
    const durations: number[] = [];
    for (let i = 0; i < CAPTURES; i++) {
      const started = Date.now();
      expect(await captureInPopup(popup)).toMatch(/^You look \w+\. Opened YouTube Music\.$/);
      durations.push(Date.now() - started);
      await closePages(chromium, 'https://');
      figures.push(await captureContextFigures(session));
    }
    report(figures, durations);

    const first = figures[0]!;
    expect(first.tensors).toBeGreaterThan(0); // the models' weights: the count is read, not a default
    expect(figures.map((f) => f.tensors)).toEqual(figures.map(() => first.tensors));
    expect(figures.at(-1)!.heapBytes - first.heapBytes).toBeLessThan(HEAP_MARGIN_BYTES);
    // Every capture opened the camera, and left no track of it live.
    expect(figures.at(-1)!.tracks.length).toBeGreaterThanOrEqual(CAPTURES);
    expect(figures.flatMap((f) => f.tracks)).not.toContain('live');
  });
});
