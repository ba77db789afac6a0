/** @jest-environment jsdom */
/** The popup rendered in jsdom, with the platform seam (browserApi) mocked: what the user sees and sends. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import * as browserApi from '../../src/platform/browserApi';
import { App } from '../../src/popup/App';
import { armsFor, recommendationFor } from '../../src/recommendation/catalogue';
import { DEEZER_REQUEST, deezerSearchUrl } from '../../src/recommendation/deezer';
import { MoodtabError } from '../../src/common/errors';
import { JOURNAL_PREFS_KEY, MAPPING_KEY, SETTINGS_KEY } from '../../src/storage/registry';
import { withCustomProvider, EMPTY_MAPPING } from '../../src/recommendation/mapping';
import type { CaptureOutcome } from '../../src/protocol/messages';
import type { Mood, MoodProbabilities } from '../../src/model/moods';
import type { Pick } from '../../src/recommendation/picks';
import { type Settings } from '../../src/recommendation/settings';
import { resetFakes, stored } from './helpers/fakeBrowserApi';
import { journalIn, journalKeys } from './helpers/journalStorage';

jest.mock('../../src/platform/browserApi', () =>
  jest.requireActual<typeof import('./helpers/fakeBrowserApi')>('./helpers/fakeBrowserApi').fakeBrowserApi(),
);
const api = jest.mocked(browserApi);
// Browsers have crypto.randomUUID (journal entry ids, the Firefox capture page's id); jsdom 20 does not.
Object.assign(globalThis.crypto, { randomUUID });

/** A pick of the first query for the mood with the stored choices (YouTube Music, lift). */
const pickOf = (mood: Mood, source: Pick['source'], id = `pick-${mood}`): Pick => ({
  ...recommendationFor(armsFor(mood, 'music', 'lift', 'youtube-music')[0]!, mood, 'music', 'lift'),
  id,
  source,
  ...(source === 'manual' ? {} : { captureId: 'capture-1' }),
});

const STORED: Settings = {
  media: 'music',
  strategy: 'lift',
  providers: { music: 'youtube-music' },
  countdown: true,
};
/** A 48x48 grey gradient: the crop the model read. */
const CROP = Array.from({ length: 48 * 48 }, (_, i) => i % 256);
const probabilities: MoodProbabilities = { calm: 0.1, angry: 0.02, sad: 0.03, happy: 0.8, surprised: 0.05 };
const outcome: CaptureOutcome = {
  result: {
    mood: 'happy',
    probabilities,
    faces: 2,
    face: { box: { x: 10, y: 10, width: 200, height: 200 }, crop: CROP },
    frames: 3,
    timings: {},
  },
  captureId: 'capture-1',
  adjusted: { mood: 'happy', probabilities, changed: false },
  pick: pickOf('happy', 'camera'),
  cameraReleased: true,
  backend: { name: 'wasm' },
  timings: {},
  tensors: 500,
};
const unsureProbabilities: MoodProbabilities = {
  calm: 0.41,
  angry: 0.05,
  sad: 0.38,
  happy: 0.1,
  surprised: 0.06,
};
const unsureOutcome: CaptureOutcome = {
  ...outcome,
  result: { ...outcome.result, mood: 'calm', probabilities: unsureProbabilities },
  adjusted: { mood: 'calm', probabilities: unsureProbabilities, changed: false },
  unsure: ['calm', 'sad'],
  pick: undefined,
};

/** Answers the popup's requests: the capture's outcome, a pick per hand-picked mood, feedback. */
function answer(capture: CaptureOutcome | Error = outcome) {
  api.sendRequest.mockImplementation(async (message) => {
    switch (message.type) {
      case 'capture-mood':
        if (capture instanceof Error) throw capture;
        return capture as never;
      case 'open-recommendation': {
        const { mood, capture: ref } = message as unknown as { mood: Mood; capture?: { shown?: Mood } };
        return pickOf(mood, !ref ? 'manual' : ref.shown ? 'corrected' : 'chosen') as never;
      }
      case 'recommendation-feedback':
        return { recorded: true } as never;
      default:
        return undefined as never;
    }
  });
}

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
const buttonNamed = (name: string, within = 'main') =>
  [...root.querySelectorAll(`${within} button`)].find(
    (button) => button.textContent === name,
  ) as HTMLButtonElement;
const pickerButton = (name: string) => buttonNamed(name, '.mood-picker');
const heading = () => $('section[aria-label=Result] h2')?.textContent;
const meterValues = () =>
  [...root.querySelectorAll('[role=meter]')].map((meter) => [
    meter.getAttribute('aria-label'),
    meter.getAttribute('aria-valuenow'),
  ]);
const click = async (button: HTMLElement) => {
  await act(() => button.click());
  await settle();
};
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
  drawn.length = 0;
  // Asked about the journal before, and said no: the journal's own tests below say otherwise.
  resetFakes({
    [SETTINGS_KEY]: STORED,
    [JOURNAL_PREFS_KEY]: { enabled: false, asked: true, retention: 365 },
  });
  api.sendRequest.mockResolvedValue(undefined);
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(fakeContext as never);
  globalThis.fetch = jest.fn(async () => {
    throw new Error('no request was expected');
  });
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
    const settings = deferred<unknown>();
    api.loadStored.mockImplementation((key) =>
      key === SETTINGS_KEY ? settings.promise : Promise.resolve(undefined),
    );
    await openPopup();
    expect(captureButton()).toBeNull();
    expect(api.loadStored).toHaveBeenCalledWith('settings');

    settings.resolve(STORED);
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
    expect($<HTMLSelectElement>('.options label:first-child select')!.value).toBe('youtube-music');
  });

  it('saves each change merged with the other choices', async () => {
    await openPopup();
    await act(() => $<HTMLInputElement>('input[value=movies]')!.click());
    expect(api.saveStored).toHaveBeenLastCalledWith('settings', { ...STORED, media: 'movies' });

    const provider = $<HTMLSelectElement>('.options label:first-child select')!;
    expect([...provider.options].map((option) => option.value)).toEqual([
      'netflix',
      'prime-video',
      'justwatch',
      'youtube-trailers',
      'imdb',
      'any',
    ]);
    // Where playing needs an account, the choice says so.
    expect([...provider.options].map((option) => option.textContent)).toEqual([
      'Netflix (account needed)',
      'Prime Video (account needed)',
      'JustWatch',
      'YouTube trailers',
      'IMDb',
      'Any without an account (learns what you like)',
    ]);
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

  it('folds the choices under one line that says what opens, which follows each change', async () => {
    await openPopup();
    const choices = $<HTMLDetailsElement>('details.choices')!;
    expect(choices.open).toBe(false);
    expect(choices.querySelector('summary')!.textContent).toBe('Choices Music from YouTube Music');
    await act(() => $<HTMLInputElement>('input[value=movies]')!.click());
    expect(choices.querySelector('summary')!.textContent).toBe('Choices Movies from YouTube trailers');
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
      cancelWith: expect.any(String),
    });
  });

  it('holds a port open while its capture runs, named as the request says, and lets it go after', async () => {
    await openPopup();
    const result = deferred<CaptureOutcome>();
    api.sendRequest.mockReturnValue(result.promise);
    const release = jest.fn();
    api.holdCapturePort.mockReturnValue(release);
    await act(() => captureButton()!.click());
    await settle();
    const { cancelWith } = requestsOf('capture-mood')[0]![0] as unknown as { cancelWith: string };
    expect(api.holdCapturePort).toHaveBeenCalledWith(cancelWith);
    expect(release).not.toHaveBeenCalled();
    result.resolve(outcome);
    await settle();
    expect(release).toHaveBeenCalled();
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

  it("shows the camera's picture while counting down, with an oval for the face, and drops it at the snapshot", async () => {
    const drawn: unknown[] = [];
    const bitmap = (blob: Blob) => ({ width: 160, height: 120, blob, close: jest.fn() });
    const decode = jest.fn(async (blob: Blob) => bitmap(blob));
    Object.assign(globalThis, { createImageBitmap: decode });
    const draw = { drawImage: jest.fn((image: unknown) => drawn.push(image)) };
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(draw as never);
    try {
      await openPopup();
      api.sendRequest.mockReturnValue(deferred<CaptureOutcome>().promise);
      await act(() => captureButton()!.click());
      await settle();
      const listener = api.onMessage.mock.calls[0]![0];
      const own = { id: 'moodtab-id', url: 'chrome-extension://moodtab-id/offscreen.html' };
      const send = (fields: object) =>
        act(async () => {
          await listener({ target: 'popup', ...fields }, own);
        });
      // A frame before the countdown (the camera still starting) is not shown.
      await send({ type: 'capture-preview', jpeg: '/9j/AAAA' });
      expect($('.camera-preview')).toBeNull();

      await send({ type: 'capture-progress', stage: 'countdown', secondsLeft: 3 });
      await send({ type: 'capture-preview', jpeg: '/9j/4AAQ' });
      await settle();
      expect($('.snapshot-moment .camera-preview canvas')).not.toBeNull();
      expect($('.camera-preview .face-guide')).not.toBeNull();
      expect($('.snapshot-moment .look')!.textContent).toBe('Look at the camera, your face in the oval');
      // The JPEG's bytes, decoded without a data: URL, drawn on the canvas.
      const blob = decode.mock.calls.at(-1)![0];
      expect(blob.type).toBe('image/jpeg');
      const bytes = await new Promise<ArrayBuffer>((resolve) => {
        const reader = new FileReader(); // jsdom's Blob has no arrayBuffer()
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.readAsArrayBuffer(blob);
      });
      expect([...new Uint8Array(bytes)]).toEqual([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
      expect(drawn).toHaveLength(1);

      await send({ type: 'capture-progress', stage: 'snapshot' });
      expect($('.snapshot-moment')).not.toBeNull();
      expect($('.camera-preview')).toBeNull();
      expect($('.snapshot-moment .look')!.textContent).toBe('Look at the camera');
      // A frame that comes after the countdown is not shown again.
      await send({ type: 'capture-preview', jpeg: '/9j/4AAQ' });
      expect($('.camera-preview')).toBeNull();
    } finally {
      delete (globalThis as { createImageBitmap?: unknown }).createImageBitmap;
    }
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
    expect($<HTMLAnchorElement>('.opened a')!.href).toBe(outcome.pick!.url);
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

  it('a correction replaces the result: opened behind the popup, "You chose", the bars as the camera\'s reading', async () => {
    answer();
    await openPopup();
    await click(captureButton()!);
    expect($('.mood-picker legend')!.textContent).toBe('Not right? Pick your mood');

    await click(pickerButton('Calm'));
    expect(api.sendRequest).toHaveBeenLastCalledWith({
      target: 'background',
      type: 'open-recommendation',
      mood: 'calm',
      settings: STORED,
      inBackground: true,
      capture: { id: 'capture-1', camera: 'happy', shown: 'happy', probabilities },
    });
    expect(heading()).toBe('You chose Calm');
    expect($('.camera-reading')!.textContent).toBe("The camera's reading: Happy");
    expect($('.reading')!.classList.contains('superseded')).toBe(true);
    expect(meterValues()).toContainEqual(['Happy', '80']); // the camera's bars, not replaced
    expect($<HTMLAnchorElement>('.opened a')!.href).toBe(pickOf('calm', 'corrected').url);
    expect(status()).toBe('You chose calm. Opened YouTube Music.');
    expect(pickerButton('Calm').getAttribute('aria-pressed')).toBe('true');
    expect(pickerButton('Happy').getAttribute('aria-pressed')).toBe('false');

    // Correcting again replaces the first correction, not the camera's reading.
    await click(pickerButton('Sad'));
    expect(api.sendRequest).toHaveBeenLastCalledWith(
      expect.objectContaining({
        mood: 'sad',
        capture: { id: 'capture-1', camera: 'happy', shown: 'calm', probabilities },
      }),
    );
    expect(heading()).toBe('You chose Sad');
  });

  it('offers the five moods before any capture, and a pick needs no camera', async () => {
    answer();
    await openPopup();
    expect($('.mood-picker legend')!.textContent).toBe('Or pick your mood');
    expect([...root.querySelectorAll('.mood-picker button')].map((b) => b.textContent)).toEqual([
      'Calm',
      'Angry',
      'Sad',
      'Happy',
      'Surprised',
    ]);
    await click(pickerButton('Surprised'));
    expect(requestsOf('capture-mood')).toEqual([]);
    expect(api.sendRequest).toHaveBeenLastCalledWith({
      target: 'background',
      type: 'open-recommendation',
      mood: 'surprised',
      settings: STORED,
      inBackground: true,
    });
    expect(heading()).toBe('You chose Surprised');
    expect(root.querySelectorAll('[role=meter]')).toHaveLength(0);
    expect(status()).toBe('You chose surprised. Opened YouTube Music.');
  });

  it('after a failed capture (no face), the mood picker still opens the tab', async () => {
    answer(new MoodtabError('no-face'));
    await openPopup();
    await click(captureButton()!);
    expect(status()).toBe('No face was found. Face the camera in good light and try again.');
    expect(pickerButton('Sad').disabled).toBe(false);
    await click(pickerButton('Sad'));
    expect(requestsOf('open-recommendation')).toEqual([
      [
        {
          target: 'background',
          type: 'open-recommendation',
          mood: 'sad',
          settings: STORED,
          inBackground: true,
        },
      ],
    ]);
    expect(heading()).toBe('You chose Sad');
    expect($('.status')!.classList.contains('error')).toBe(false);
  });

  it('when the reading is unsure, asks "Calm or sad?" instead of showing an opened tab', async () => {
    answer(unsureOutcome);
    await openPopup();
    await click(captureButton()!);
    expect(heading()).toBe('Calm or sad?');
    expect(status()).toBe('Moodtab is not sure: calm or sad? Pick one below.');
    expect($('.opened')).toBeNull();
    const choices = [...root.querySelectorAll('.unsure button')].map((b) => b.textContent);
    expect(choices).toEqual(['Calm', 'Sad']);

    await click(buttonNamed('Sad', '.unsure'));
    expect(api.sendRequest).toHaveBeenLastCalledWith(
      expect.objectContaining({
        type: 'open-recommendation',
        mood: 'sad',
        capture: { id: 'capture-1', camera: 'calm', probabilities: unsureProbabilities },
      }),
    );
    expect(heading()).toBe('You chose Sad');
    expect($('.unsure')).toBeNull();
    expect($<HTMLAnchorElement>('.opened a')!.href).toBe(pickOf('sad', 'chosen').url);
  });

  it('asks with one picker only, and an answer the camera also read overrules nothing', async () => {
    answer(unsureOutcome);
    await openPopup();
    await click(captureButton()!);
    expect($('.mood-picker')).toBeNull(); // "Calm or sad?" is the only picker while it asks
    await click(buttonNamed('Calm', '.unsure'));
    expect(heading()).toBe('You chose Calm');
    expect($('.camera-reading')).toBeNull();
    expect($('.reading')!.classList.contains('superseded')).toBe(false);
    expect($('.mood-picker')).not.toBeNull(); // back, to correct the answer
  });

  it('says each thing once: the status line gives way on screen to the result it would repeat', async () => {
    answer();
    await openPopup();
    expect($('.status')!.classList.contains('visually-hidden')).toBe(false); // "Ready…" says something new
    await click(captureButton()!);
    expect(status()).toBe('You look happy. Opened YouTube Music.'); // still read to screen readers
    expect($('.status')!.classList.contains('visually-hidden')).toBe(true);
    expect($('.opened')!.textContent).toBe(`Opened behind this popup: YouTube Music: ${outcome.pick!.query}`);
  });

  it('loads a correction in the tab the result opened, and its link goes to that tab', async () => {
    const pickInTab = (mood: Mood, source: Pick['source']) => ({ ...pickOf(mood, source), tabId: 17 });
    api.sendRequest.mockImplementation(async (message) => {
      const request = message as { type: string; mood?: Mood };
      if (request.type === 'capture-mood') return { ...outcome, pick: pickInTab('happy', 'camera') };
      if (request.type === 'open-recommendation') return pickInTab(request.mood!, 'corrected');
      return undefined;
    });
    await openPopup();
    await click(captureButton()!);
    await click(pickerButton('Calm'));
    expect(api.sendRequest).toHaveBeenLastCalledWith(
      expect.objectContaining({ mood: 'calm', replaceTab: 17 }),
    );
    await act(() => $<HTMLAnchorElement>('.opened a')!.click());
    expect(api.showTab).toHaveBeenCalledWith(17);
  });

  it('asks for feedback on the opened tab and sends it with the pick; a changed mind replaces it', async () => {
    answer();
    await openPopup();
    await click(captureButton()!);
    const notForMe = buttonNamed('Not for me', '.feedback');
    await click(notForMe);
    const ref = {
      id: 'pick-happy',
      captureId: 'capture-1',
      mood: 'happy',
      media: 'music',
      strategy: 'lift',
      providerId: 'youtube-music',
      query: outcome.pick!.query,
    };
    expect(api.sendRequest).toHaveBeenLastCalledWith({
      target: 'background',
      type: 'recommendation-feedback',
      pick: ref,
      verdict: 'not-for-me',
    });
    expect(notForMe.getAttribute('aria-pressed')).toBe('true');
    expect($('.feedback .note')!.textContent).toBe('Thanks. Moodtab will open this less often.');

    await click(notForMe); // the same verdict again changes nothing
    expect(requestsOf('recommendation-feedback')).toHaveLength(1);
    await click(buttonNamed('Good pick', '.feedback'));
    expect(api.sendRequest).toHaveBeenLastCalledWith(
      expect.objectContaining({
        type: 'recommendation-feedback',
        verdict: 'good-pick',
        replaces: 'not-for-me',
      }),
    );
  });

  it("offers the user's own providers from their mapping", async () => {
    stored.set(
      MAPPING_KEY,
      withCustomProvider(EMPTY_MAPPING, {
        name: 'Radio',
        media: 'music',
        url: 'https://radio.example/?q={query}',
      }),
    );
    await openPopup();
    const provider = $<HTMLSelectElement>('select[name=provider]')!;
    expect([...provider.options].map((o) => o.value)).toContain('custom-radio');
  });

  describe('Deezer previews', () => {
    const recorded = readFileSync(
      join(__dirname, '..', 'fixtures', 'deezer', 'search-sad-songs.json'),
      'utf8',
    );
    /** What fetch resolves with, as far as the popup reads it (jsdom has no Response). */
    const answering = (body: string, status = 200) =>
      jest.fn(async () => ({ ok: status < 400, status, json: async () => JSON.parse(body) }) as Response);

    it('without the opt-in, sends nothing and shows nothing', async () => {
      answer();
      await openPopup();
      await click(pickerButton('Sad'));
      expect(globalThis.fetch).not.toHaveBeenCalled();
      expect($('.previews')).toBeNull();
    });

    it('with the opt-in, lists the previews for the opened query, sending only the query', async () => {
      api.hasHostPermission.mockResolvedValue(true);
      globalThis.fetch = answering(recorded);
      answer();
      await openPopup();
      await click(pickerButton('Sad'));
      await settle(); // the response, then its body
      await settle();
      const query = pickOf('sad', 'manual').query;
      expect(globalThis.fetch).toHaveBeenCalledWith(
        deezerSearchUrl(query),
        expect.objectContaining(DEEZER_REQUEST),
      );
      const items = [...root.querySelectorAll('.previews li')];
      expect(items.map((li) => li.querySelector('.track')!.textContent)).toEqual([
        'Rain on the Window The Quiet Hours',
        'Letters I Never Sent Mara Vale',
        'Blue November June & the Echoes',
        'Empty Platform Northbound',
      ]);
      const audio = items[0]!.querySelector('audio')!;
      expect(audio.getAttribute('src')).toMatch(/^https:\/\/cdnt-preview\.dzcdn\.net\//);
      expect(audio.getAttribute('preload')).toBe('none');
      expect($('.previews')!.textContent).toContain(`Only “${query}” was sent to Deezer.`);
    });

    it('says why when Deezer answers with an error', async () => {
      api.hasHostPermission.mockResolvedValue(true);
      globalThis.fetch = answering(
        '{"error":{"type":"Exception","message":"Quota limit exceeded","code":4}}',
      );
      answer();
      await openPopup();
      await click(pickerButton('Calm'));
      await settle();
      await settle();
      expect($('.previews')!.textContent).toContain(
        'Previews could not be loaded (Deezer: Quota limit exceeded).',
      );
      globalThis.fetch = answering('', 503);
      await click(pickerButton('Sad'));
      await settle();
      expect($('.previews')!.textContent).toContain('Previews could not be loaded (Deezer answered 503).');
    });
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

  describe('mood journal', () => {
    it('after the first result, asks once whether to keep a journal; yes makes that result its first entry', async () => {
      stored.delete(JOURNAL_PREFS_KEY); // never asked
      answer();
      await openPopup();
      expect($('.journal-opt-in')).toBeNull(); // not before there is a result
      await click(captureButton()!);
      // One line under the result, which stays the largest thing in the popup.
      expect($('.journal-opt-in')!.textContent).toBe('Keep a mood journal on this device? Yes No');

      await click(buttonNamed('Yes', '.journal-opt-in'));
      expect(stored.get(JOURNAL_PREFS_KEY)).toEqual({ enabled: true, asked: true, retention: 365 });
      const [entry] = journalIn((key) => stored.get(key));
      // Under the capture's id, as the background would have written it.
      expect(entry).toMatchObject({
        id: 'capture-1',
        mood: 'happy',
        source: 'camera',
        probabilities: outcome.result.probabilities,
        media: 'music',
        provider: 'youtube-music',
        query: outcome.pick!.query,
      });
      expect(JSON.stringify(entry)).not.toMatch(/crop|box|image/);
      expect($('.journal-opt-in')).toBeNull();
      expect($('.journal-note')!.textContent).toBe('Saved in your mood journal. See your journal');

      // The correction that follows names the same capture, whose entry the background rewrites.
      await click(pickerButton('Calm'));
      expect(api.sendRequest).toHaveBeenLastCalledWith(
        expect.objectContaining({ mood: 'calm', capture: expect.objectContaining({ id: entry!.id }) }),
      );
    });

    it('a yes after "Good pick" keeps the verdict on the entry; a pick without a capture is its own entry', async () => {
      stored.delete(JOURNAL_PREFS_KEY);
      answer();
      await openPopup();
      await click(pickerButton('Sad'));
      await click(buttonNamed('Good pick', '.feedback'));
      await click(buttonNamed('Yes', '.journal-opt-in'));
      expect(journalIn((key) => stored.get(key))).toEqual([
        expect.objectContaining({
          id: 'pick-sad',
          mood: 'sad',
          source: 'manual',
          probabilities: null,
          feedback: 'good-pick',
        }),
      ]);
    });

    it('no thanks keeps no journal and does not ask again', async () => {
      stored.delete(JOURNAL_PREFS_KEY);
      answer();
      await openPopup();
      await click(captureButton()!);
      await click(buttonNamed('No', '.journal-opt-in'));
      expect(stored.get(JOURNAL_PREFS_KEY)).toEqual({ enabled: false, asked: true, retention: 365 });
      expect(journalKeys(stored.keys())).toEqual([]); // no month, no index, no old key
      expect($('.journal-opt-in')).toBeNull();
      expect($('.journal-note')).toBeNull();
    });

    it('says where the result went in the journal, or why it could not go there', async () => {
      answer({ ...outcome, journal: { status: 'saved', entryId: 'capture-1' } });
      await openPopup();
      await click(captureButton()!);
      expect($('.journal-opt-in')).toBeNull(); // asked before
      expect($('.journal-note')!.textContent).toContain('Saved in your mood journal.');
      await act(() => buttonNamed('See your journal').click());
      expect(api.openOptionsPage).toHaveBeenCalled();

      answer({ ...outcome, journal: { status: 'failed', error: 'journal-full' } });
      await click(captureButton()!);
      expect($('.journal-note.error')!.textContent).toMatch(
        /^The mood journal is full, so this entry was not saved\. Everything already in it is kept\./,
      );
    });
  });

  it('shows the steps to re-allow a blocked camera, in this browser', async () => {
    api.sendRequest.mockRejectedValue(new MoodtabError('camera-permission-denied'));
    await openPopup();
    await act(() => captureButton()!.click());
    await settle();
    // The steps' heading says it once; the status line is left to screen readers.
    expect($('.camera-help h2')!.textContent).toBe('The camera is blocked for Moodtab. To allow it again:');
    expect($('[role=status]')!.classList.contains('visually-hidden')).toBe(true);
    expect($('[role=status]')!.textContent).toMatch(/^Camera access was blocked\./);
    const steps = [...root.querySelectorAll('.camera-help li')].map((li) => li.textContent);
    expect(steps).toEqual([
      "Open Chrome's camera settings: type chrome://settings/content/camera in the address bar, or use the button below.",
      'In the list of sites not allowed to use your camera, click Moodtab (chrome-extension://moodtab-id).',
      'Next to Camera, choose Allow.',
      'Come back and capture your mood again.',
    ]);
    await act(() => buttonNamed("Open Chrome's camera settings").click());
    expect(api.openCameraSettings).toHaveBeenCalled();

    api.isFirefox.mockReturnValue(true);
    api.extensionIdentity.mockReturnValue({ id: 'moodtab@moodtab.app', origin: 'moz-extension://5f1c/' });
    await openPopup();
    await act(() => captureButton()!.click());
    await settle();
    expect($('.camera-help li')!.textContent).toBe(
      "Open Firefox's settings: type about:preferences#privacy in the address bar.",
    );
    expect(root.textContent).toContain(
      "Select Moodtab's address, moz-extension://5f1c, and click Remove Website.",
    );
  });

  it.each([
    ['no-face', 'No face was found.'],
    ['face-too-small', 'Your face is too far from the camera.'],
    ['too-dark', 'The picture is too dark to read a mood.'],
  ] as const)(
    'after %s (the camera works, no mood was read), a picked mood still gets its tab',
    async (code, message) => {
      answer(new MoodtabError(code));
      await openPopup();
      await click(captureButton()!);
      expect(status()).toMatch(new RegExp(`^${message.replace('.', '\\.')}`));
      expect($('.mood-picker legend')!.textContent).toBe('Or pick your mood');
      await click(pickerButton('Calm'));
      expect(api.sendRequest).toHaveBeenLastCalledWith({
        target: 'background',
        type: 'open-recommendation',
        mood: 'calm',
        settings: STORED,
        inBackground: true,
      });
      expect(status()).toBe('You chose calm. Opened YouTube Music.');
      expect($('.status')!.classList.contains('error')).toBe(false);
    },
  );

  it('keeps the mood picker when the camera itself failed: a pick needs no camera', async () => {
    answer(new MoodtabError('no-camera'));
    await openPopup();
    await click(captureButton()!);
    expect(status()).toBe('No camera was found. Connect a webcam and try again.');
    expect(pickerButton('Happy').disabled).toBe(false);
    await click(pickerButton('Happy'));
    expect(heading()).toBe('You chose Happy');
  });

  it('says at once that there is no camera when the browser lists none, without asking the capture page', async () => {
    api.hasCamera.mockResolvedValue(false);
    await openPopup();
    await click(captureButton()!);
    expect(status()).toBe('No camera was found. Connect a webcam and try again.');
    expect(requestsOf('capture-mood')).toEqual([]);
    expect(captureButton()!.disabled).toBe(false);
  });

  it('captures as usual when the browser cannot list its devices', async () => {
    api.hasCamera.mockResolvedValue(undefined);
    api.sendRequest.mockResolvedValue(outcome);
    await openPopup();
    await click(captureButton()!);
    expect(requestsOf('capture-mood')).toHaveLength(1);
  });

  it('says so when storage is full, keeps the choice on screen, and does not capture', async () => {
    await openPopup();
    await act(() => $<HTMLInputElement>('input[value=movies]')!.click());
    api.saveStored.mockRejectedValue(new MoodtabError('storage-full', 'QUOTA_BYTES quota exceeded'));
    await act(() => captureButton()!.click());
    await settle();
    expect(status()).toMatch(
      /^Your choices could not be saved: the browser storage for Moodtab is full\. Your earlier choices are kept;/,
    );
    expect(requestsOf('capture-mood')).toEqual([]);
    expect($<HTMLInputElement>('input[value=movies]')!.checked).toBe(true);
  });

  it('captures once, as soon as the choices are read, when opened to capture (Firefox shortcut)', async () => {
    answer();
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
    answer();
    await openPopup();
    const frame = $<HTMLIFrameElement>('iframe')!;
    expect(frame.hidden).toBe(true);
    expect(frame.title).toBe('Moodtab camera');
    const [, id] = /^offscreen\.html#([0-9a-f-]{36})$/.exec(frame.getAttribute('src')!)!;
    // The models load in that page as the popup opens, not in one another popup hosts.
    expect(api.sendRequest).toHaveBeenCalledWith({ target: 'background', type: 'warm-up', capturePage: id });

    // Its captures go to its own capture page, not to one another popup hosts; the result shows as
    // anywhere else.
    await click(captureButton()!);
    expect(api.sendRequest).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'capture-mood', capturePage: id }),
    );
    expect(status()).toBe('You look happy. Opened YouTube Music.');
  });
});
