/** @jest-environment jsdom */
/**
 * The photo reader shared by the web app and the options page (src/ui/photo-reader): files are
 * checked and decoded in the page, the engine it is given reads them, faces are offered to
 * choose, failures get the photo's own messages. And the options page's engine: the photo goes
 * by id through the background, the file over the same-origin photo channel, never in a message.
 */
import { randomUUID } from 'node:crypto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { MoodtabError } from '../../src/common/errors';
import type { PhotoReading, RecognitionResult } from '../../src/model/recognition';
import { READ_PHOTO_ROUND_TRIP_MS } from '../../src/model/limits';
import { extensionPhotos } from '../../src/options/sections/photo/extensionPhotos';
import {
  offerPhoto,
  PHOTO_CHANNEL,
  takePhoto,
  type ChannelLike,
  type OpenChannel,
} from '../../src/protocol/photoChannel';
import { PhotoReader, type PhotoEngine } from '../../src/ui/photo-reader';

jest.mock('../../src/platform/browserApi', () =>
  jest.requireActual<typeof import('./helpers/fakeBrowserApi')>('./helpers/fakeBrowserApi').fakeBrowserApi(),
);
jest.mock('../../src/common/photo', () => {
  const actual = jest.requireActual<typeof import('../../src/common/photo')>('../../src/common/photo');
  // jsdom decodes no images: a file named broken.jpg is not one, any other is a 40x30 photo.
  return {
    ...actual,
    decodePhoto: jest.fn(async (file: Blob) => {
      if ((file as File).name === 'broken.jpg') throw new actual.PhotoProblem('web_photoNotImage');
      return { width: 40, height: 30, data: new Uint8ClampedArray(40 * 30 * 4) } as ImageData;
    }),
  };
});
Object.assign(globalThis.crypto, { randomUUID });
// jsdom draws nothing: a context that takes the calls.
HTMLCanvasElement.prototype.getContext = (() =>
  new Proxy({}, { get: () => () => undefined })) as unknown as HTMLCanvasElement['getContext'];

const box = (x: number) => ({ x, y: 0, width: 10, height: 10 });
const result = (mood: RecognitionResult['mood']) => ({ mood }) as RecognitionResult;
const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));

let root: HTMLElement;
const $ = (selector: string) => root.querySelector(selector);
const alertText = () => $('[role=alert]')?.textContent;

async function openReader(engine: PhotoEngine, onReading = jest.fn()) {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => render(<PhotoReader engine={engine} onReading={onReading} />, root));
  return onReading;
}

async function choose(file: File) {
  const input = $('input[type=file]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change')));
  await settle();
  await settle();
}

const jpeg = (name = 'face.jpg', size?: number) => {
  const file = new File(['jpeg bytes'], name, { type: 'image/jpeg' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  return file;
};

describe('the shared photo reader', () => {
  it('reads a photo with the engine it is given: the decoded photo drawn, the reading handed on', async () => {
    const readPhoto = jest.fn(async () => ({ result: result('happy'), faces: [box(0)] }));
    const onReading = await openReader({ readPhoto }, jest.fn());
    const file = jpeg();
    await choose(file);
    expect(readPhoto).toHaveBeenCalledWith(
      { file, image: expect.objectContaining({ width: 40 }) },
      undefined,
    );
    expect(onReading).toHaveBeenCalledWith(result('happy'), false);
    expect($('canvas.photo')).not.toBeNull();
    expect($('.face-choice')).toBeNull();
    expect(alertText()).toBeUndefined();
  });

  it('offers every face of a group photo, and reads the one chosen', async () => {
    const readPhoto = jest.fn(async (_photo: unknown, face = 0) => ({
      result: result(face === 1 ? 'sad' : 'happy'),
      faces: [box(0), box(20)],
    }));
    const onReading = await openReader({ readPhoto });
    await choose(jpeg());
    const buttons = [...root.querySelectorAll('.face-choice button')] as HTMLButtonElement[];
    expect(buttons.map((b) => [b.textContent, b.getAttribute('aria-pressed')])).toEqual([
      ['Face 1', 'true'],
      ['Face 2', 'false'],
    ]);
    await act(() => buttons[1]!.click());
    await settle();
    expect(readPhoto).toHaveBeenLastCalledWith(expect.anything(), 1);
    expect(onReading).toHaveBeenLastCalledWith(result('sad'), true); // the same photo: not a new reading
    expect($('.face-choice [aria-pressed=true]')!.textContent).toBe('Face 2');
  });

  it.each([
    ['a text file', new File(['not a photo'], 'notes.txt', { type: 'text/plain' }), /not a photo Moodtab/],
    ['a file too big', jpeg('big.jpg', 30 * 1024 * 1024), /too big \(30 MB\)\. Choose one under 25 MB/],
    ['an image the browser cannot decode', jpeg('broken.jpg'), /not a photo Moodtab/],
  ])('refuses %s before the engine sees it, saying why', async (_name, file, message) => {
    const readPhoto = jest.fn();
    await openReader({ readPhoto });
    await choose(file);
    expect(alertText()).toMatch(message);
    expect(readPhoto).not.toHaveBeenCalled();
  });

  it.each([
    [new MoodtabError('no-face'), /No face was found in this photo/],
    [new MoodtabError('reading-timeout'), /.+/],
    [new Error('boom'), /.+/],
  ])('says what went wrong when the engine fails (%s)', async (error, message) => {
    await openReader({ readPhoto: jest.fn(async () => Promise.reject(error)) });
    await choose(jpeg());
    expect(alertText()).toMatch(message);
    expect($('button')!.hasAttribute('disabled')).toBe(false); // the user may try another
  });
});

/** BroadcastChannels of one origin: whatever one posts, the others on its name hear. */
function channelHub(): OpenChannel & { open: number } {
  const all: (ChannelLike & { name: string })[] = [];
  const open = ((name: string) => {
    const channel: ChannelLike & { name: string } = {
      name,
      onmessage: null,
      postMessage: (data) =>
        all
          .filter((other) => other !== channel && other.name === name)
          .forEach((other) => queueMicrotask(() => other.onmessage?.({ data }))),
      close: () => all.splice(all.indexOf(channel), 1),
    };
    all.push(channel);
    return channel;
  }) as unknown as OpenChannel & { open: number };
  Object.defineProperty(open, 'open', { get: () => all.length });
  return open;
}

describe('the photo channel', () => {
  it('hands the offered file to the capture page that asks for its id, and nothing for another id', async () => {
    const hub = channelHub();
    const photo = new Blob(['pixels'], { type: 'image/png' });
    const offered = offerPhoto(photo, hub);
    await expect(takePhoto(offered.id, 1000, hub)).resolves.toBe(photo);
    await expect(takePhoto(randomUUID(), 20, hub)).rejects.toMatchObject({ code: 'no-answer' });
    offered.release();
    await expect(takePhoto(offered.id, 20, hub)).rejects.toMatchObject({ code: 'no-answer' });
    expect(hub.open).toBe(0); // every channel closed
  });

  it('uses one channel name for both sides', () => {
    const names: string[] = [];
    const open: OpenChannel = (name) => (names.push(name), channelHub()(name));
    offerPhoto(new Blob([]), open).release();
    expect(names).toEqual([PHOTO_CHANNEL]);
  });
});

describe("the options page's photo engine", () => {
  const reading: PhotoReading = { result: result('calm'), faces: [box(0)] };
  const image = {} as ImageData;

  it("sends the photo by id to the background, with the face and this page's capture frame, then ends the offer", async () => {
    const hub = channelHub();
    const file = jpeg();
    const taken: Blob[] = [];
    const send = jest.fn(async (message: { photo: string }) => {
      taken.push(await takePhoto(message.photo, 1000, hub)); // what the capture page does
      return reading;
    });
    const beforeRead = jest.fn();
    const capturePage = randomUUID();
    const engine = extensionPhotos({ capturePage, beforeRead, send: send as never, open: hub });
    await expect(engine.readPhoto({ file, image }, 2)).resolves.toBe(reading);
    const [message, options] = send.mock.calls[0] as unknown as [Record<string, unknown>, object];
    expect(message).toEqual({
      target: 'background',
      type: 'read-photo',
      photo: expect.stringMatching(/^[0-9a-f-]{36}$/),
      face: 2,
      capturePage,
    });
    expect(JSON.stringify(message).length).toBeLessThan(200); // no pixels in the message
    expect(options).toMatchObject({ waitForReceiverMs: expect.any(Number) });
    expect(taken).toEqual([file]);
    expect(beforeRead).toHaveBeenCalled();
    expect(hub.open).toBe(0);
  });

  it('ends the offer when the read fails too, and on Chrome names no capture frame', async () => {
    const hub = channelHub();
    const send = jest.fn(async () => Promise.reject(new MoodtabError('no-face')));
    const engine = extensionPhotos({ send: send as never, open: hub });
    await expect(engine.readPhoto({ file: jpeg(), image })).rejects.toMatchObject({ code: 'no-face' });
    expect(send.mock.calls[0]).toEqual([
      { target: 'background', type: 'read-photo', photo: expect.any(String) },
      expect.anything(),
    ]);
    expect(hub.open).toBe(0);
  });

  it('has a round trip long enough for the model load and two reads', () => {
    expect(READ_PHOTO_ROUND_TRIP_MS).toBeGreaterThan(60_000);
  });
});
