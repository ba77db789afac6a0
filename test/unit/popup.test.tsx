/** @jest-environment jsdom */
/** The popup rendered in jsdom, with the platform seam (browserApi) mocked: what the user sees and sends. */
import { randomUUID } from 'node:crypto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import * as browserApi from '../../src/platform/browserApi';
import { App } from '../../src/popup/App';
import { recommend } from '../../src/shared/catalogue';
import { MoodtabError } from '../../src/shared/errors';
import type { CaptureOutcome } from '../../src/shared/messages';
import type { Settings } from '../../src/shared/settings';

jest.mock('../../src/platform/browserApi', () => ({
  extensionIdentity: () => ({ id: 'moodtab-id', origin: 'chrome-extension://moodtab-id/' }),
  loadStored: jest.fn(),
  saveStored: jest.fn(),
  sendRequest: jest.fn(),
  onMessage: jest.fn(() => () => undefined),
  hasOffscreenDocuments: jest.fn(() => true),
}));
const api = jest.mocked(browserApi);
// jsdom has no crypto.randomUUID; extension pages (secure contexts) do.
Object.defineProperty(globalThis.crypto, 'randomUUID', { value: randomUUID });

const STORED: Settings = {
  media: 'music',
  strategy: 'lift',
  providers: { music: 'youtube-music' },
  countdown: true,
};
/** A 48x48 grey gradient: the crop the model read. */
const CROP = Array.from({ length: 48 * 48 }, (_, i) => i % 256);
const outcome: CaptureOutcome = {
  result: {
    mood: 'happy',
    probabilities: { calm: 0.1, angry: 0.02, sad: 0.03, happy: 0.8, surprised: 0.05 },
    faces: 2,
    face: { box: { x: 10, y: 10, width: 200, height: 200 }, crop: CROP },
    frames: 3,
    timings: {},
  },
  recommendation: recommend('happy', 'music', { strategy: 'lift', providerId: 'youtube-music' }),
  cameraReleased: true,
  backend: { name: 'wasm' },
  timings: {},
  tensors: 500,
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Lets pending promises, effects and re-renders run. */
const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));

let root: HTMLElement;
const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector);
const status = () => $('[role=status]')!.textContent;
const captureButton = () => $<HTMLButtonElement>('button.capture');
const buttonNamed = (name: string) =>
  [...root.querySelectorAll('button')].find((button) => button.textContent === name)!;
const requestsOf = (type: string) => api.sendRequest.mock.calls.filter(([message]) => message.type === type);

/** jsdom draws nothing: a 2D context that keeps what was put on the canvas. */
const drawn: ImageData[] = [];
const fakeContext = {
  createImageData: (width: number, height: number) =>
    ({ data: new Uint8ClampedArray(width * height * 4), width, height }) as ImageData,
  putImageData: (pixels: ImageData) => drawn.push(pixels),
};

async function openPopup(props: { autoCapture?: boolean } = {}): Promise<void> {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => render(<App {...props} />, root));
  await settle();
}

beforeEach(() => {
  jest.clearAllMocks();
  drawn.length = 0;
  api.hasOffscreenDocuments.mockReturnValue(true);
  api.loadStored.mockResolvedValue(STORED);
  api.saveStored.mockResolvedValue(undefined);
  api.sendRequest.mockResolvedValue(undefined);
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(fakeContext as never);
});

describe('popup', () => {
  it('starts loading the models as soon as it opens, before anything is pressed', async () => {
    await openPopup();
    expect(api.sendRequest).toHaveBeenCalledWith({ target: 'background', type: 'warm-up' });
    expect(requestsOf('capture-mood')).toEqual([]);
  });

  it('opens even when the warm-up fails (the capture will retry and say why)', async () => {
    api.sendRequest.mockRejectedValue(new MoodtabError('model-load-failed'));
    await openPopup();
    expect(captureButton()!.disabled).toBe(false);
    expect(status()).toBe('Ready. The snapshot stays on this device.');
  });

  it('offers nothing to press until the stored choices are read, then shows them', async () => {
    const stored = deferred<unknown>();
    api.loadStored.mockReturnValue(stored.promise);
    await openPopup();
    expect(captureButton()).toBeNull();
    expect(api.loadStored).toHaveBeenCalledWith('settings');

    stored.resolve(STORED);
    await settle();
    expect($<HTMLInputElement>('input[value=music]')!.checked).toBe(true);
    expect($<HTMLSelectElement>('.options label:first-child select')!.value).toBe('youtube-music');
    expect($<HTMLSelectElement>('.options label:nth-child(2) select')!.value).toBe('lift');
    expect($<HTMLInputElement>('input[name=countdown]')!.checked).toBe(true);
    expect(captureButton()!.disabled).toBe(false);
    expect(status()).toBe('Ready. The snapshot stays on this device.');
  });

  it('starts from the defaults when storage cannot be read', async () => {
    api.loadStored.mockRejectedValue(new Error('storage is gone'));
    await openPopup();
    expect($<HTMLInputElement>('input[value=music]')!.checked).toBe(true);
    expect($<HTMLSelectElement>('.options label:first-child select')!.value).toBe('spotify');
  });

  it('saves each change merged with the other choices', async () => {
    await openPopup();
    await act(() => $<HTMLInputElement>('input[value=movies]')!.click());
    expect(api.saveStored).toHaveBeenLastCalledWith('settings', { ...STORED, media: 'movies' });

    const provider = $<HTMLSelectElement>('.options label:first-child select')!;
    expect([...provider.options].map((option) => option.value)).toEqual(['netflix', 'prime-video']);
    provider.value = 'prime-video';
    await act(() => {
      provider.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(api.saveStored).toHaveBeenLastCalledWith('settings', {
      media: 'movies',
      strategy: 'lift',
      providers: { music: 'youtube-music', movies: 'prime-video' },
      countdown: true,
    });

    await act(() => $<HTMLInputElement>('input[name=countdown]')!.click());
    expect(api.saveStored).toHaveBeenLastCalledWith(
      'settings',
      expect.objectContaining({ countdown: false }),
    );
  });

  it('waits for the choices to be saved, then sends them whole with the capture', async () => {
    await openPopup();
    await act(() => $<HTMLInputElement>('input[value=pictures]')!.click());
    const saved = deferred<void>();
    api.saveStored.mockReturnValue(saved.promise);
    api.sendRequest.mockResolvedValue(outcome);

    await act(() => captureButton()!.click());
    expect(captureButton()!.disabled).toBe(true);
    expect(status()).toBe('Starting the camera…');
    expect(requestsOf('capture-mood')).toEqual([]);

    saved.resolve();
    await settle();
    expect(api.sendRequest).toHaveBeenCalledWith({
      target: 'background',
      type: 'capture-mood',
      settings: { ...STORED, media: 'pictures' },
      inBackground: true,
    });
  });

  it('shows the progress the background reports during a capture', async () => {
    await openPopup();
    const result = deferred<CaptureOutcome>();
    api.sendRequest.mockReturnValue(result.promise);
    await act(() => captureButton()!.click());
    await settle();

    const listener = api.onMessage.mock.calls[0]![0];
    const own = { id: 'moodtab-id', url: 'chrome-extension://moodtab-id/offscreen.html' };
    const progress = (fields: object) =>
      act(async () => {
        await listener({ target: 'popup', type: 'capture-progress', ...fields }, own);
      });
    await progress({ stage: 'countdown', secondsLeft: 3 });
    expect(status()).toBe('Look at the camera… 3');
    expect($('.snapshot-moment')!.textContent).toBe('Look at the camera3');
    await progress({ stage: 'countdown', secondsLeft: 2 });
    expect($('.snapshot-moment .count')!.textContent).toBe('2');
    await progress({ stage: 'snapshot' });
    expect(status()).toBe('Look at the camera…');
    expect($('.snapshot-moment')).not.toBeNull();
    await progress({ stage: 'loading-models', progress: 0.5 });
    expect(status()).toBe('Loading the mood model… 50%');
    expect($('.snapshot-moment')).toBeNull();
    await progress({ stage: 'reading-mood' });
    expect(status()).toBe('Reading your mood…');

    result.resolve(outcome);
    await settle();
    expect(status()).toBe('You look happy. Opened YouTube Music.');
  });

  it('shows the result: the mood, all five bars, the opened link, and that the camera is off', async () => {
    api.sendRequest.mockResolvedValue(outcome);
    await openPopup();
    await act(() => captureButton()!.click());
    await settle();

    expect($('section[aria-label=Result] h2')!.textContent).toBe('Happy');
    const meters = [...root.querySelectorAll('[role=meter]')].map((meter) => [
      meter.getAttribute('aria-label'),
      meter.getAttribute('aria-valuenow'),
    ]);
    expect(meters).toEqual([
      ['Calm', '10'],
      ['Angry', '2'],
      ['Sad', '3'],
      ['Happy', '80'],
      ['Surprised', '5'],
    ]);
    expect($<HTMLAnchorElement>('.opened a')!.href).toBe(outcome.recommendation.url);
    expect(root.textContent).toContain('The camera is off again');
    // The 48x48 face the model read, drawn grey level by grey level.
    expect($('canvas[role=img]')!.getAttribute('aria-label')).toMatch(/face Moodtab read/);
    expect(drawn).toHaveLength(1);
    const pixels = drawn[0]!;
    expect([pixels.width, pixels.height]).toEqual([48, 48]);
    expect([...pixels.data.slice(0, 8)]).toEqual([0, 0, 0, 255, 1, 1, 1, 255]);
    expect(Array.from({ length: 48 * 48 }, (_, i) => pixels.data[i * 4])).toEqual(CROP);
    expect(root.textContent).toContain('2 faces were in view');
    expect(captureButton()!.disabled).toBe(false);
  });

  it('opens the tab for a mood picked by hand, with the current choices', async () => {
    const calm = recommend('calm', 'music', { strategy: 'lift', providerId: 'youtube-music' });
    api.sendRequest.mockImplementation(
      async ({ type }) => (type === 'capture-mood' ? outcome : calm) as never,
    );
    await openPopup();
    await act(() => captureButton()!.click());
    await settle();

    await act(() => buttonNamed('Calm').click());
    await settle();
    expect(api.sendRequest).toHaveBeenLastCalledWith({
      target: 'background',
      type: 'open-recommendation',
      mood: 'calm',
      settings: STORED,
    });
    expect($('section[aria-label=Result] h2')!.textContent).toBe('Calm');
    expect($<HTMLAnchorElement>('.opened a')!.href).toBe(calm.url);
    expect(status()).toBe('You look calm. Opened YouTube Music.');
  });

  it('shows why a capture failed and lets the user try again', async () => {
    api.sendRequest.mockRejectedValue(new MoodtabError('no-face'));
    await openPopup();
    await act(() => captureButton()!.click());
    await settle();
    expect(status()).toBe('No face was found. Face the camera in good light and try again.');
    expect($('.status')!.classList.contains('error')).toBe(true);
    expect($('section[aria-label=Result]')).toBeNull();
    expect(captureButton()!.disabled).toBe(false);
  });

  it('offers the mood picker when no face was read, and opens the tab for the picked mood', async () => {
    const calm = recommend('calm', 'music', { strategy: 'lift', providerId: 'youtube-music' });
    api.sendRequest.mockImplementation(async ({ type }) => {
      if (type === 'capture-mood') throw new MoodtabError('no-face');
      return calm as never;
    });
    await openPopup();
    await act(() => captureButton()!.click());
    await settle();
    expect(root.querySelector('fieldset.correct legend')!.textContent).toBe('Or pick your mood');

    await act(() => buttonNamed('Calm').click());
    await settle();
    expect(api.sendRequest).toHaveBeenLastCalledWith({
      target: 'background',
      type: 'open-recommendation',
      mood: 'calm',
      settings: STORED,
    });
    expect(status()).toBe('Opened YouTube Music for calm.');
    expect($('.status')!.classList.contains('error')).toBe(false);
  });

  it('offers no picker when the camera itself failed', async () => {
    api.sendRequest.mockRejectedValue(new MoodtabError('no-camera'));
    await openPopup();
    await act(() => captureButton()!.click());
    await settle();
    expect(root.querySelector('fieldset.correct')).toBeNull();
  });

  it('says so when storage is full, keeps the choice on screen, and does not capture', async () => {
    await openPopup();
    await act(() => $<HTMLInputElement>('input[value=movies]')!.click());
    api.saveStored.mockRejectedValue(new MoodtabError('storage-full', 'QUOTA_BYTES quota exceeded'));
    await act(() => captureButton()!.click());
    await settle();
    expect(status()).toBe(
      'Your choices could not be saved: the browser storage for Moodtab is full. Your earlier choices are kept.',
    );
    expect(requestsOf('capture-mood')).toEqual([]);
    expect($<HTMLInputElement>('input[value=movies]')!.checked).toBe(true);
  });

  it('captures once, as soon as the choices are read, when opened to capture (Firefox shortcut)', async () => {
    api.sendRequest.mockResolvedValue(outcome);
    await openPopup({ autoCapture: true });
    await settle();
    expect(requestsOf('capture-mood')).toEqual([
      [expect.objectContaining({ type: 'capture-mood', settings: STORED })],
    ]);
    expect(status()).toBe('You look happy. Opened YouTube Music.');
  });

  it('embeds its own capture page only where there are no offscreen documents (Firefox)', async () => {
    await openPopup();
    expect($('iframe')).toBeNull();
    api.hasOffscreenDocuments.mockReturnValue(false);
    api.sendRequest.mockResolvedValue(outcome);
    await openPopup();
    const frame = $<HTMLIFrameElement>('iframe')!;
    expect(frame.hidden).toBe(true);
    const [, id] = /^offscreen\.html#([0-9a-f-]{36})$/.exec(frame.getAttribute('src')!)!;
    // The models load in that page as the popup opens, not in one another popup hosts.
    expect(api.sendRequest).toHaveBeenCalledWith({ target: 'background', type: 'warm-up', capturePage: id });

    // Its captures go to its own capture page, not to one another popup hosts.
    await act(() => captureButton()!.click());
    await settle();
    expect(api.sendRequest).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'capture-mood', capturePage: id }),
    );
  });
});
