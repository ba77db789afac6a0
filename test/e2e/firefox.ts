/**
 * Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi (no geckodriver, no
 * downloaded browser), with the built add-on (dist/firefox) installed as a temporary add-on
 * (BiDi webExtension.install) and Firefox's fake camera. A fixed extension UUID makes its origin
 * known. `--remote-allow-system-access` lets the tests do what a user does in Firefox's own UI:
 * open the add-on's pages in tabs, remember a camera grant, press the shortcut, unplug the camera.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from '../../src/node/modelPaths';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION = join(ROOT, 'dist', 'firefox');
const EXTENSION_UUID = '6d1f0c9e-7a10-4b5c-9c1e-2f6a4a579a8e';

/** The part of the `browser.*` API an extension page offers that these tests call. */
declare const browser: {
  extension: { getViews(filter: object): Window[] };
};

export interface Firefox {
  browser: Browser;
  /** moz-extension://<uuid>/ */
  origin: string;
  addonId: string;
  /** The browser window's own (privileged) scripting context. */
  chromeContext: string;
}

/** The WebDriver BiDi connection puppeteer drives Firefox over (its BiDi browser class has it). */
const bidi = (browser: Browser) =>
  (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } })
    .connection;

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/** Runs `expression` (awaited, JSON-serialisable result) in a BiDi browsing context. */
export async function evaluateIn<T>({ browser }: Firefox, context: string, expression: string): Promise<T> {
  const { result } = (await bidi(browser).send('script.evaluate', {
    target: { context },
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    awaitPromise: true,
  })) as unknown as { result: EvaluateResult };
  if (result.type === 'exception') throw new Error(`in Firefox: ${result.exceptionDetails?.text}`);
  const json = result.result?.value;
  return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
}

/** Runs privileged code in the browser window, where Firefox's own UI code runs. */
export const inFirefoxUi = <T>(firefox: Firefox, expression: string) =>
  evaluateIn<T>(firefox, firefox.chromeContext, expression);

export async function launchFirefox(): Promise<Firefox> {
  if (!existsSync(join(FIREFOX_EXTENSION, 'manifest.json'))) {
    throw new Error('run `npm run build` first: dist/firefox is missing');
  }
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION, 'manifest.json'), 'utf8'));
  const addonId: string = manifest.browser_specific_settings.gecko.id;
  const instance = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      'media.navigator.streams.fake': true,
    },
  });
  await instance.installExtension(FIREFOX_EXTENSION);
  const tree = (await bidi(instance).send('browsingContext.getTree', {
    'moz:scope': 'chrome',
  })) as unknown as { result: { contexts: { context: string }[] } };
  const firefox: Firefox = {
    browser: instance,
    origin: `moz-extension://${EXTENSION_UUID}/`,
    addonId,
    chromeContext: tree.result.contexts[0]!.context,
  };
  // The add-on opens its welcome page on install. Waited for, so that it does not open in front of
  // (and hold the camera requests of) a page the caller opens next.
  for (let waited = 0; !(await tabsAt(firefox, `${firefox.origin}welcome.html`)).length; waited += 100) {
    if (waited > 30_000) throw new Error('the welcome page never opened on install');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return firefox;
}

/** Every open tab (and the frames in it), with its URL, as Firefox reports them. */
export async function tabs({
  browser,
}: Firefox): Promise<{ context: string; url: string; frames: string[] }[]> {
  interface Context {
    context: string;
    url: string;
    children?: Context[];
  }
  const tree = (await bidi(browser).send('browsingContext.getTree', {})) as unknown as {
    result: { contexts: Context[] };
  };
  return tree.result.contexts.map(({ context, url, children }) => ({
    context,
    url,
    frames: (children ?? []).map((child) => child.context),
  }));
}

/** The tabs whose URL starts with `prefix`. */
export const tabsAt = async (firefox: Firefox, prefix: string) =>
  (await tabs(firefox)).filter((tab) => tab.url.startsWith(prefix));

/** Opens one of the add-on's pages in a new tab (BiDi navigation to moz-extension: needs system access). */
export async function openExtensionPage(firefox: Firefox, path: string): Promise<Page> {
  const before = new Set((await tabs(firefox)).map((tab) => tab.context));
  const page = await firefox.browser.newPage();
  const created = (await tabs(firefox)).find((tab) => !before.has(tab.context))!;
  // puppeteer's goto waits for a load event Firefox does not report for this process switch.
  await bidi(firefox.browser).send('browsingContext.navigate', {
    context: created.context,
    url: `${firefox.origin}${path}`,
    wait: 'complete',
  });
  return page;
}

/** The puppeteer page showing the add-on page at `path` (its #fragment aside, unless `path` has one). */
export async function pageAt(firefox: Firefox, path: string): Promise<Page> {
  for (const page of await firefox.browser.pages()) {
    const href = await page.evaluate(() => location.href);
    const compared = path.includes('#') ? href : href.replace(/#.*$/, '');
    if (compared === `${firefox.origin}${path}`) return page;
  }
  throw new Error(`no tab shows ${path}`);
}

/** The browsing context of the capture page inside the popup shown in a tab. */
export async function captureFrameOf(firefox: Firefox): Promise<string> {
  const [popup] = await tabsAt(firefox, `${firefox.origin}popup.html`);
  if (!popup?.frames[0]) throw new Error('no popup with its capture page is open');
  return popup.frames[0];
}

/**
 * Records every camera stream the capture page opens from now on (the real getUserMedia still
 * answers), so a test can check that each one's tracks ended.
 */
export const recordCameraStreams = (firefox: Firefox, frame: string) =>
  evaluateIn(
    firefox,
    frame,
    `(() => {
      const devices = navigator.mediaDevices;
      const getUserMedia = devices.getUserMedia.bind(devices);
      globalThis.cameraStreams = [];
      devices.getUserMedia = async (constraints) => {
        const stream = await getUserMedia(constraints);
        globalThis.cameraStreams.push(stream);
        return stream;
      };
    })()`,
  );

/** readyState of every track of every recorded stream: "live" is a camera left on. */
export const cameraTracks = (firefox: Firefox, frame: string) =>
  evaluateIn<string[]>(
    firefox,
    frame,
    `globalThis.cameraStreams.flatMap((stream) => stream.getTracks().map((track) => track.readyState))`,
  );

/** What a user's "Allow" with "Remember this decision" ticked stores: camera allowed for the add-on. */
export const rememberCameraGrant = (firefox: Firefox) =>
  inFirefoxUi(
    firefox,
    `Services.perms.addFromPrincipal(
      Services.scriptSecurityManager.createContentPrincipalFromOrigin(${JSON.stringify(firefox.origin.slice(0, -1))}),
      'camera',
      Services.perms.ALLOW_ACTION,
    )`,
  );

/**
 * Presses the add-on's keyboard shortcut: calls the handler Firefox attaches to the shortcut's
 * key (headless Firefox gets no real key presses), which fires commands.onCommand.
 */
export const pressShortcut = (firefox: Firefox, command = 'capture-mood') =>
  inFirefoxUi(
    firefox,
    `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs')
      .ExtensionParent.GlobalManager.getExtension(${JSON.stringify(firefox.addonId)})
      .shortcuts.onCommand(${JSON.stringify(command)})`,
  );

export const setPref = (firefox: Firefox, name: string, value: boolean) =>
  inFirefoxUi(firefox, `Services.prefs.setBoolPref(${JSON.stringify(name)}, ${value})`);

/**
 * The status line of the toolbar popup (a real popup, not a tab) once a capture in it is over (a
 * result or an error), read from another add-on page; null before.
 */
export const toolbarPopupStatus = (page: Page) =>
  page.evaluate(
    () =>
      browser.extension.getViews({ type: 'popup' })[0]?.document.querySelector('.status.done, .status.error')
        ?.textContent ?? null,
  );
