/**
 * npm run bench:browser [-- --backends auto,wasm,webgl,cpu --warm 10 --faceapi-runs 10 --camera 640x480]
 * npm run bench:browser -- --target web [--warm 10 --camera 640x480]
 *
 * The built extension (dist/chrome) in Debian's Chromium with the fake webcam video of the e2e
 * tests, used as a user would: the popup opens, "Capture mood" is clicked at once (countdown off),
 * then 10 more times. Per backend, in a fresh profile each (so the first capture is cold): click
 * to tab of the first and of the later captures, the model load, the per-stage medians the
 * extension reports, and the live tensor count after the first and the last capture. Then the
 * offscreen document is closed as its idle timer closes it, and a new popup captures at once: the
 * first capture after an idle unload, against the cold one. `auto` is
 * what a new user gets: nothing stored, the backend chosen by the warm-up's micro-benchmark.
 * Then, on a browser with no camera at all, the click to the "no camera" message (cold, models
 * loading meanwhile). Then face-api.js's expression pipeline in the same browser on the same
 * frame, per backend.
 * --camera sets the fake webcam's resolution (e.g. 1920x1080, to see what grows with it);
 * --faceapi-runs 0 skips face-api.js.
 * --target web: the web app (dist/web, served on localhost) against the extension's `auto`, the
 * same way (src/node/benchWeb.ts): the click to the result with its link, beside the click to tab.
 * Prints figures only; nothing is asserted.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { isBackendName, type BackendName } from '../../model/backend';
import { BACKEND_CHOICE_KEY, SETTINGS_KEY } from '../../storage/registry';
import type { CaptureOutcome } from '../../protocol/messages';
import { DEFAULT_SETTINGS } from '../../recommendation/settings';
import { parseArgs } from '../args';
import {
  allowCamera,
  KEEP_NAMES_SHIM,
  launchWithExtension,
  seedStorage,
  type ExtensionBrowser,
} from '../chromium';
import { benchWebApp } from '../benchWeb';
import { runFaceApiInBrowser } from '../faceApiBrowser';
import { cameraFrame, writeY4m } from '../fakeCamera';
import { decodeImageFile } from '../images';
import { ROOT } from '../modelPaths';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const fmt = (ms: number | undefined) => (ms === undefined ? '       –' : `${ms.toFixed(0).padStart(6)} ms`);

interface Capture {
  clickToTab: number;
  outcome: CaptureOutcome;
}

/**
 * Keeps each capture-mood response the popup receives, by wrapping the one messaging call it
 * makes (before the page's own scripts run); the extension itself is not changed for the bench.
 */
function recordResponses(): void {
  const runtime = (globalThis as unknown as { chrome: { runtime: Record<string, unknown> } }).chrome.runtime;
  const send = runtime.sendMessage as (...args: unknown[]) => unknown;
  const seen: unknown[] = [];
  (globalThis as unknown as { moodtabResponses: unknown[] }).moodtabResponses = seen;
  runtime.sendMessage = (...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (response: unknown) => {
        seen.push(response);
        callback(response);
      };
      return send.apply(runtime, args);
    }
    const result = send.apply(runtime, args) as Promise<unknown>;
    return result.then((response) => (seen.push(response), response));
  };
}

async function captureOnce(extension: ExtensionBrowser, popup: Page): Promise<Capture> {
  const before = await popup.evaluate(
    () => (globalThis as unknown as { moodtabResponses: unknown[] }).moodtabResponses.length,
  );
  const tab = extension.browser.waitForTarget(
    (target) => target.type() === 'page' && target.url().startsWith('https://'),
    { timeout: 300_000 },
  );
  // Timed from the click itself: finding the button and waiting until it can be clicked is not
  // the user's wait.
  const button = await popup.locator('::-p-aria(Capture mood)').waitHandle();
  const box = (await button.boundingBox())!;
  const clicked = performance.now();
  await popup.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const target = await tab;
  const clickToTab = performance.now() - clicked;
  const envelope = await popup.waitForFunction(
    (count) => {
      const seen = (
        globalThis as unknown as {
          moodtabResponses: { ok?: boolean; value?: { pick?: unknown } }[];
        }
      ).moodtabResponses;
      return seen.slice(count).find((response) => response?.ok && response.value?.pick);
    },
    { timeout: 300_000 },
    before,
  );
  const { value } = (await envelope.jsonValue()) as { value: CaptureOutcome };
  await (await target.page())?.close();
  await popup.waitForFunction(() => !document.querySelector<HTMLButtonElement>('button.capture')?.disabled);
  return { clickToTab, outcome: value };
}

/** A popup as the user opens one: the page's own warm-up starts, its responses are recorded. */
async function openBenchPopup(extension: ExtensionBrowser): Promise<Page> {
  const popup = await extension.browser.newPage();
  await popup.evaluateOnNewDocument(KEEP_NAMES_SHIM);
  await popup.evaluateOnNewDocument(recordResponses);
  await popup.goto(`${extension.origin}popup.html`);
  return popup;
}

/**
 * Closes the offscreen document the way its idle timer does (the message it sends after
 * CAPTURE_PAGE_IDLE_MS without a request), with no popup open, and waits until it is gone.
 */
async function unloadIdle(extension: ExtensionBrowser, popup: Page): Promise<void> {
  const answer = await popup.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({
      target: 'background',
      type: 'capture-page-idle',
    }),
  );
  await popup.close();
  if (!(answer as { value?: { closed?: boolean } })?.value?.closed)
    throw new Error(`the offscreen document did not close: ${JSON.stringify(answer)}`);
  const offscreen = `${extension.origin}offscreen.html`;
  while (extension.browser.targets().some((target) => target.url().startsWith(offscreen)))
    await new Promise((resolve) => setTimeout(resolve, 50));
}

async function benchBackend(video: string, backend: BackendName | 'auto', warm: number) {
  const extension = await launchWithExtension(video);
  try {
    await allowCamera(extension);
    const context = await extension.worker.worker();
    const browser = await context!.evaluate(() => navigator.userAgent);
    await seedStorage(extension, {
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, countdown: false },
      ...(backend === 'auto' ? {} : { [BACKEND_CHOICE_KEY]: { name: backend, browser, measured: {} } }),
    });
    const popup = await openBenchPopup(extension);
    const cold = await captureOnce(extension, popup);
    const later: Capture[] = [];
    for (let i = 0; i < warm; i++) later.push(await captureOnce(extension, popup));
    await unloadIdle(extension, popup);
    // As after an idle unload: the user opens the popup and clicks at once.
    const afterIdle = await captureOnce(extension, await openBenchPopup(extension));
    return { cold, later, afterIdle };
  } finally {
    await extension.browser.close();
  }
}

/** A machine with no webcam: from the click to the message saying so, on a cold start. */
async function benchNoCamera(): Promise<number> {
  const extension = await launchWithExtension(null);
  try {
    await allowCamera(extension);
    const popup = await extension.browser.newPage();
    await popup.goto(`${extension.origin}popup.html`);
    const button = await popup.locator('::-p-aria(Capture mood)').waitHandle();
    const box = (await button.boundingBox())!;
    const clicked = performance.now();
    await popup.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await popup.waitForFunction(() => document.querySelector('.status.error'), { polling: 'mutation' });
    const ms = performance.now() - clicked;
    const message = await popup.$eval('[role=status]', (el) => el.textContent);
    console.log(`\n== no camera: "${message}" ${ms.toFixed(0)} ms after the click (cold) ==`);
    return Math.round(ms);
  } finally {
    await extension.browser.close();
  }
}

function report(name: string, { cold, later, afterIdle }: Awaited<ReturnType<typeof benchBackend>>) {
  const { outcome } = cold;
  const measured = outcome.backend.measured
    ? ` (micro-benchmark, ms per run: ${Object.entries(outcome.backend.measured)
        .map(([b, ms]) => `${b} ${ms.toFixed(1)}`)
        .join(', ')})`
    : '';
  console.log(`\n== ${name}: ran on ${outcome.backend.name}${measured} ==`);
  console.log(`  first capture, click to tab              ${fmt(cold.clickToTab)}`);
  console.log(
    `  later captures, click to tab (median)    ${fmt(median(later.map((c) => c.clickToTab)))}   of ${later.length}`,
  );
  const ratio = afterIdle.clickToTab / cold.clickToTab;
  console.log(
    `  first capture after idle unload, click to tab ${fmt(afterIdle.clickToTab)}   ${ratio.toFixed(2)}x the first capture`,
  );
  const stages = new Set([
    ...Object.keys(outcome.timings),
    ...Object.keys(outcome.result.timings),
    ...later.flatMap((c) => [...Object.keys(c.outcome.timings), ...Object.keys(c.outcome.result.timings)]),
  ]);
  console.log(`  stage (ms)                                   first    later (median)   after idle`);
  for (const stage of stages) {
    const of = (c: Capture) => c.outcome.timings[stage] ?? c.outcome.result.timings[stage];
    const laterValues = later.map(of).filter((v): v is number => v !== undefined);
    console.log(
      `  ${stage.padEnd(38)} ${fmt(of(cold))}  ${laterValues.length ? fmt(median(laterValues)) : fmt(undefined)}  ${fmt(of(afterIdle))}`,
    );
  }
  const last = later.at(-1)?.outcome ?? outcome;
  console.log(`  tensors after the first / the last capture: ${outcome.tensors} / ${last.tensors}`);
  return {
    backend: outcome.backend.name,
    firstClickToTab: Math.round(cold.clickToTab),
    laterClickToTab: Math.round(median(later.map((c) => c.clickToTab))),
    afterIdleClickToTab: Math.round(afterIdle.clickToTab),
    afterIdleOverFirst: Number(ratio.toFixed(2)),
    loadModels: Math.round(outcome.timings.loadModels ?? NaN),
    tensors: [outcome.tensors, last.tensors],
  };
}

/** The web app beside the extension as a new user gets it (auto backend): the same frame, the same clicks. */
async function benchWebBesideExtension(video: string, warm: number) {
  const extension = report('extension (auto)', await benchBackend(video, 'auto', warm));
  const { cold, later } = await benchWebApp(video, warm);
  const web = { firstClickToResult: Math.round(cold), laterClickToResult: Math.round(median(later)) };
  const ratio = (ms: number, of: number) => `${((ms / of) * 100).toFixed(0)}% of the extension's`;
  console.log(`\n== web app (dist/web on localhost, auto backend) ==`);
  console.log(
    `  first capture, click to result           ${fmt(cold)}   ${ratio(cold, extension.firstClickToTab)}`,
  );
  console.log(
    `  later captures, click to result (median) ${fmt(median(later))}   ${ratio(median(later), extension.laterClickToTab)}   of ${later.length}`,
  );
  return { extension, web };
}

async function main() {
  const { options } = parseArgs(process.argv.slice(2), [
    'backends',
    'warm',
    'faceapi-runs',
    'camera',
    'target',
  ]);
  if (options.target !== undefined && !['extension', 'web'].includes(options.target))
    throw new Error('--target: extension or web');
  const scenarios = (options.backends ?? 'auto,wasm,webgl,cpu').split(',');
  for (const name of scenarios)
    if (name !== 'auto' && !isBackendName(name)) throw new Error(`--backends: unknown backend ${name}`);
  const warm = Number(options.warm ?? 10);
  const faceApiRuns = Number(options['faceapi-runs'] ?? 10);

  const [width, height] = (options.camera ?? '640x480').split('x').map(Number);
  if (!width || !height || width % 2 || height % 2) throw new Error('--camera: WIDTHxHEIGHT, both even');
  const frame = cameraFrame(decodeImageFile(join(ROOT, 'test', 'fixtures', 'faces', 'one-face.jpg')), {
    width,
    height,
  });
  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  const video = join(ROOT, 'artifacts', `bench-face-${width}x${height}.y4m`);
  writeY4m(video, frame);

  const summary: Record<string, unknown> = { camera: `${width}x${height}` };
  console.log(`fake webcam ${width}x${height}; countdown off; ${warm} captures after the first`);
  if (options.target === 'web')
    return console.log(JSON.stringify({ ...summary, ...(await benchWebBesideExtension(video, warm)) }));
  for (const name of scenarios) {
    summary[name] = report(name, await benchBackend(video, name as BackendName | 'auto', warm));
  }

  summary.noCamera = await benchNoCamera();

  if (faceApiRuns === 0) return console.log(JSON.stringify(summary));
  const faceApi = await runFaceApiInBrowser(frame, ['wasm', 'webgl', 'cpu'], faceApiRuns);
  console.log(
    `\n== face-api.js (SSD MobileNet v1 + expression net) on the same ${width}x${height} frame, per frame ==`,
  );
  console.log(`  backend   first run   median of ${faceApiRuns}   tensors before/after`);
  for (const r of faceApi)
    console.log(
      `  ${r.backend.padEnd(8)} ${fmt(r.first)}   ${fmt(r.median)}      ${r.tensorsBefore} / ${r.tensorsAfter}`,
    );
  summary.faceApi = faceApi;
  console.log(JSON.stringify(summary));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
