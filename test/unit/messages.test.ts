import { MoodtabError } from '../../src/common/errors';
import {
  createMessageListener,
  MAX_PREVIEW_JPEG_CHARS,
  MAX_REQUEST_CHARS,
  targetOf,
  parseMessage,
  unwrapEnvelope,
  type Handlers,
} from '../../src/protocol/messages';
import { DEFAULT_SETTINGS } from '../../src/recommendation/settings';

const self = { id: 'moodtab-id', origin: 'chrome-extension://moodtab-id/' };
const preview = { target: 'popup', type: 'capture-preview', jpeg: '/9j/4AAQ' };
const ownPage = { id: 'moodtab-id', url: 'chrome-extension://moodtab-id/popup.html' };
const settings = { media: 'movies', strategy: 'lift', providers: { movies: 'prime-video' }, countdown: true };
const recognize = { target: 'offscreen', type: 'recognize-mood', frames: 3, countdownSeconds: 0 };
const capture = { target: 'background', type: 'capture-mood', settings };
const open = { target: 'background', type: 'open-recommendation', mood: 'sad', settings };
const pick = {
  id: 'pick-1',
  mood: 'sad',
  media: 'music',
  strategy: 'match',
  providerId: 'spotify',
  query: 'sad songs',
};
const feedback = { target: 'background', type: 'recommendation-feedback', pick, verdict: 'not-for-me' };
const photoId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const readPhoto = { target: 'background', type: 'read-photo', photo: photoId };
const probabilities = { calm: 0.1, angry: 0, sad: 0.2, happy: 0.7, surprised: 0 };

function listenerWith(handlers: Partial<Handlers<'background'>> = {}) {
  const all: Handlers<'background'> = {
    'capture-mood': jest.fn(async () => ({ ok: 'capture' }) as never),
    'open-recommendation': jest.fn(async () => ({ ok: 'open' }) as never),
    'recommendation-feedback': jest.fn(async () => ({ recorded: true }) as const),
    'warm-up': jest.fn(async () => ({ ok: 'warm' }) as never),
    'teach-mood': jest.fn(async () => ({ ok: 'teach' }) as never),
    'capture-page-idle': jest.fn(async () => ({ closed: true })),
    'read-photo': jest.fn(async () => ({ ok: 'photo' }) as never),
    ...handlers,
  };
  return { handlers: all, listener: createMessageListener('background', all, self) };
}

describe('parseMessage', () => {
  it('accepts well-formed messages', () => {
    expect(parseMessage({ ...capture, inBackground: true }, 'background').type).toBe('capture-mood');
    expect(
      parseMessage({ target: 'background', type: 'open-recommendation', mood: 'sad', settings }, 'background')
        .type,
    ).toBe('open-recommendation');
    expect(parseMessage({ ...open, inBackground: true }, 'background').type).toBe('open-recommendation');
    expect(parseMessage({ ...open, replaceTab: 7 }, 'background').type).toBe('open-recommendation');
    const correction = { id: 'capture-1', camera: 'happy', shown: 'happy', probabilities };
    expect(parseMessage({ ...open, capture: correction }, 'background').type).toBe('open-recommendation');
    expect(
      parseMessage({ ...open, capture: { id: 'c', camera: 'calm', probabilities } }, 'background').type,
    ).toBe('open-recommendation');
    expect(
      parseMessage({ ...open, settings: { ...settings, providers: { music: 'any' } } }, 'background').type,
    ).toBe('open-recommendation');
    expect(parseMessage(feedback, 'background').type).toBe('recommendation-feedback');
    expect(parseMessage({ ...feedback, pick: { ...pick, captureId: 'capture-1' } }, 'background').type).toBe(
      'recommendation-feedback',
    );
    expect(
      parseMessage({ ...feedback, verdict: 'good-pick', replaces: 'not-for-me' }, 'background').type,
    ).toBe('recommendation-feedback');
    expect(parseMessage(recognize, 'offscreen').type).toBe('recognize-mood');
    expect(parseMessage({ ...recognize, countdownSeconds: 3, backend: 'wasm' }, 'offscreen').type).toBe(
      'recognize-mood',
    );
    expect(parseMessage({ target: 'background', type: 'warm-up' }, 'background').type).toBe('warm-up');
    expect(parseMessage({ target: 'offscreen', type: 'warm-up', backend: 'webgl' }, 'offscreen').type).toBe(
      'warm-up',
    );
    // A Firefox popup names its own capture page, for the warm-up as for the capture.
    const capturePage = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(parseMessage({ target: 'background', type: 'warm-up', capturePage }, 'background').type).toBe(
      'warm-up',
    );
    expect(parseMessage({ target: 'offscreen', type: 'warm-up', capturePage }, 'offscreen').type).toBe(
      'warm-up',
    );
    expect(parseMessage({ ...recognize, backend: 'cpu', capturePage }, 'offscreen').type).toBe(
      'recognize-mood',
    );
    expect(parseMessage({ ...capture, inBackground: true, capturePage }, 'background').type).toBe(
      'capture-mood',
    );
    // A photo, named by the id its page offers it under: for the background, then the capture page.
    expect(parseMessage(readPhoto, 'background').type).toBe('read-photo');
    expect(parseMessage({ ...readPhoto, face: 2, capturePage }, 'background').type).toBe('read-photo');
    expect(parseMessage({ ...readPhoto, target: 'offscreen', face: 0 }, 'offscreen').type).toBe('read-photo');
    expect(
      parseMessage({ target: 'popup', type: 'capture-progress', stage: 'countdown', secondsLeft: 2 }, 'popup')
        .type,
    ).toBe('capture-progress');
    // A 160x120 JPEG is a few kB: well over the other requests' limit, within the preview's.
    expect(parseMessage({ ...preview, jpeg: '/9j/'.repeat(2500) }, 'popup').type).toBe('capture-preview');
    expect(parseMessage({ ...preview, jpeg: 'A'.repeat(MAX_PREVIEW_JPEG_CHARS) }, 'popup').type).toBe(
      'capture-preview',
    );
  });

  it.each([
    [{ target: 'background', type: 'capture-mood' }, 'missing settings in background/capture-mood'],
    [
      { ...capture, settings: { ...settings, media: 'podcasts' } },
      'invalid settings in background/capture-mood',
    ],
    [{ ...capture, settings: { ...settings, providers: { music: 'netflix' } } }, 'invalid settings'],
    [{ ...capture, settings: { ...settings, spy: true } }, 'invalid settings'],
    [{ ...capture, settings: { media: 'music', strategy: 'match' } }, 'invalid settings'],
    [{ ...capture, settings: { ...settings, countdown: 'yes' } }, 'invalid settings'],
    [{ ...capture, settings: { ...settings, providers: { movies: 'constructor' } } }, 'invalid settings'],
    [{ target: 'background', type: 'open-recommendation', mood: 'bored', settings }, 'invalid mood'],
    [{ target: 'background', type: 'open-recommendation', mood: 'toString', settings }, 'invalid mood'],
    [
      { target: 'background', type: 'open-recommendation', mood: 'sad', media: 'music' },
      'unknown field "media" in background/open-recommendation',
    ],
    [{ ...open, replaceTab: -1 }, 'invalid replaceTab in background/open-recommendation'],
    [{ ...open, replaceTab: '7' }, 'invalid replaceTab in background/open-recommendation'],
    [{ ...capture, inBackground: 'yes' }, 'invalid inBackground in background/capture-mood'],
    [{ ...capture, frames: 3 }, 'unknown field "frames" in background/capture-mood'],
    [{ ...capture, countdownSeconds: 3 }, 'unknown field "countdownSeconds" in background/capture-mood'],
    [{ ...capture, capturePage: 'popup.html' }, 'invalid capturePage in background/capture-mood'],
    [{ ...capture, cancelWith: 'a port' }, 'invalid cancelWith in background/capture-mood'],
    [{ target: 'popup', type: 'capture-progress', stage: 'loading-models', progress: 7 }, 'invalid progress'],
    [
      { target: 'popup', type: 'capture-progress', stage: 'countdown', secondsLeft: 0 },
      'invalid secondsLeft in popup/capture-progress',
    ],
    [
      { target: 'popup', type: 'capture-progress', stage: 'countdown', secondsLeft: 1.5 },
      'invalid secondsLeft',
    ],
    [
      { target: 'popup', type: 'capture-progress', stage: 'smiling' },
      'invalid stage in popup/capture-progress',
    ],
    [{ target: 'popup', type: 'capture-progress', stage: 'countdown', face: [] }, 'unknown field "face"'],
    [{ target: 'background', type: 'format-disk' }, 'unknown background message type "format-disk"'],
    // A photo is named by an id, never carried: no URL, no path, no pixels, no other fields.
    [{ target: 'background', type: 'read-photo' }, 'missing photo in background/read-photo'],
    [
      { ...readPhoto, photo: 'blob:https://evil.example/7c9e6679-7425-40de-944b-e07fc1f90ae7' },
      'invalid photo',
    ],
    [{ ...readPhoto, photo: 'file:///etc/passwd' }, 'invalid photo in background/read-photo'],
    [{ ...readPhoto, photo: 7 }, 'invalid photo'],
    [{ ...readPhoto, face: -1 }, 'invalid face in background/read-photo'],
    [{ ...readPhoto, face: 1.5 }, 'invalid face'],
    [{ ...readPhoto, face: 100 }, 'invalid face'],
    [{ ...readPhoto, target: 'offscreen', face: '1' }, 'invalid face in offscreen/read-photo'],
    [{ ...readPhoto, pixels: [0, 0, 0, 255] }, 'unknown field "pixels" in background/read-photo'],
    [{ ...readPhoto, image: 'x'.repeat(10_000) }, 'larger than 4096 characters'],
    // Names every object inherits are not message types.
    [{ target: 'background', type: 'toString' }, 'unknown background message type "toString"'],
    [
      { target: 'background', type: 'constructor', settings },
      'unknown background message type "constructor"',
    ],
    [{ target: 'offscreen', type: 'hasOwnProperty' }, 'unknown offscreen message type "hasOwnProperty"'],
    [{ target: 'offscreen', type: '__proto__' }, 'unknown offscreen message type "__proto__"'],
    [{ target: 'background', type: 7 }, 'unknown background message type number'],
    [{ ...recognize, frames: 1000 }, 'invalid frames in offscreen/recognize-mood'],
    [{ ...recognize, frames: 1.5 }, 'invalid frames'],
    [
      { target: 'offscreen', type: 'recognize-mood', frames: 3 },
      'missing countdownSeconds in offscreen/recognize-mood',
    ],
    [{ ...recognize, countdownSeconds: 60 }, 'invalid countdownSeconds'],
    [{ ...recognize, countdownSeconds: -1 }, 'invalid countdownSeconds'],
    [{ ...recognize, backend: 'webgpu' }, 'invalid backend in offscreen/recognize-mood'],
    [{ ...recognize, backend: 'constructor' }, 'invalid backend'],
    [{ ...recognize, capturePage: '../popup.html' }, 'invalid capturePage in offscreen/recognize-mood'],
    [{ target: 'offscreen', type: 'warm-up', backend: 'tpu' }, 'invalid backend in offscreen/warm-up'],
    [{ target: 'offscreen', type: 'warm-up', frames: 3 }, 'unknown field "frames" in offscreen/warm-up'],
    [{ target: 'background', type: 'warm-up', settings }, 'unknown field "settings" in background/warm-up'],
    [
      { target: 'background', type: 'warm-up', backend: 'wasm' },
      'unknown field "backend" in background/warm-up',
    ],
    [{ target: 'background', type: 'warm-up', capturePage: 7 }, 'invalid capturePage in background/warm-up'],
    [{ ...capture, padding: 'x'.repeat(20_000_000) }, 'larger than 4096 characters'],
    [{ ...capture, settings: { ...settings, providers: Array(5_000_000).fill('spotify') } }, 'larger than'],
    [{ target: 'background', type: 'warm-up', padding: 'x'.repeat(5000) }, 'larger than 4096 characters'],
    // A preview frame may be larger than other requests, up to its own limit, and must be base64.
    [{ ...preview, jpeg: 'A'.repeat(MAX_PREVIEW_JPEG_CHARS + 200) }, 'larger than 32100 characters'],
    [{ ...preview, jpeg: 'data:image/jpeg;base64,AAAA' }, 'invalid jpeg in popup/capture-preview'],
    [{ ...preview, jpeg: '' }, 'invalid jpeg'],
    [{ ...preview, frame: 'AAAA' }, 'unknown field "frame"'],
    // Only capture-preview has the larger limit: another popup message of that size is refused by size.
    [
      { target: 'popup', type: 'capture-progress', stage: 'countdown', jpeg: 'A'.repeat(8000) },
      'larger than 4096',
    ],
    // A mood picked by hand, and feedback on a pick: nested records are checked field by field too.
    [{ ...open, inBackground: 1 }, 'invalid inBackground in background/open-recommendation'],
    [{ ...open, extra: true }, 'unknown field "extra" in background/open-recommendation'],
    [{ ...open, correcting: 'entry-1' }, 'unknown field "correcting"'],
    [
      { ...open, capture: { id: 'c', camera: 'bored', probabilities } },
      'invalid capture.camera in background/open-recommendation',
    ],
    [{ ...open, capture: { id: 'c', camera: 'sad' } }, 'missing capture.probabilities'],
    [
      { ...open, capture: { id: 'c', camera: 'sad', probabilities: { ...probabilities, sad: 2 } } },
      'invalid capture.probabilities',
    ],
    [
      { ...open, capture: { id: 'c', camera: 'sad', shown: 'sad', probabilities: [] } },
      'invalid capture.probabilities',
    ],
    [{ ...open, capture: { id: '../../etc', camera: 'sad', probabilities } }, 'invalid capture.id'],
    [{ ...open, capture: { id: 'c', camera: 'sad', probabilities, x: 1 } }, 'unknown field "capture.x"'],
    [{ ...open, capture: 'c' }, 'invalid capture in background/open-recommendation'],
    [
      { ...open, capture: { id: 'c', camera: 'sad', shown: 'valueOf', probabilities } },
      'invalid capture.shown',
    ],
    [
      { ...open, capture: { id: 'c', camera: 'sad', probabilities: { ...probabilities, toString: 0 } } },
      'invalid capture.probabilities',
    ],
    [{ ...feedback, pick: { ...pick, captureId: '../x' } }, 'invalid pick.captureId'],
    [{ ...feedback, verdict: 'meh' }, 'invalid verdict in background/recommendation-feedback'],
    [{ ...feedback, verdict: 'constructor' }, 'invalid verdict'],
    [{ ...feedback, replaces: 'meh' }, 'invalid replaces'],
    [{ ...feedback, pick: { ...pick, query: 'x'.repeat(81) } }, 'invalid pick.query'],
    [{ ...feedback, pick: { ...pick, query: 'a\nb' } }, 'invalid pick.query'],
    [{ ...feedback, pick: { ...pick, providerId: 'Spotify!' } }, 'invalid pick.providerId'],
    [
      { ...feedback, pick: { ...pick, mood: 'constructor' } },
      'invalid pick.mood in background/recommendation-feedback',
    ],
    [{ ...feedback, pick: { ...pick, extra: 1 } }, 'unknown field "pick.extra"'],
    [{ ...feedback, pick: { ...pick, hasOwnProperty: 1 } }, 'unknown field "pick.hasOwnProperty"'],
    [{ ...feedback, pick: { id: 'pick-1' } }, 'missing pick.mood'],
    [{ target: 'background', type: 'recommendation-feedback', verdict: 'good-pick' }, 'missing pick'],
    [{ ...feedback, rating: 5 }, 'unknown field "rating" in background/recommendation-feedback'],
    [{ ...feedback, pick: { ...pick, query: 'x'.repeat(5000) } }, 'larger than 4096 characters'],
    ['capture', 'not addressed to offscreen'],
  ])('rejects %j with a specific reason', (raw, reason) => {
    const target = targetOf(raw) ?? 'offscreen';
    expect(() => parseMessage(raw, target)).toThrow(reason);
    try {
      parseMessage(raw, target);
    } catch (error) {
      expect((error as MoodtabError).code).toBe('bad-message');
    }
  });
});

describe('createMessageListener', () => {
  it('ignores messages addressed to another context or not ours at all', () => {
    const { listener } = listenerWith();
    expect(
      listener({ target: 'popup', type: 'capture-progress', stage: 'reading-mood' }, ownPage),
    ).toBeUndefined();
    expect(listener({ hello: 'world' }, ownPage)).toBeUndefined();
    expect(listener(null, ownPage)).toBeUndefined();
  });

  it('a teaching prompt names one of the five moods and nothing else', () => {
    const teach = { target: 'background', type: 'teach-mood', mood: 'sad' };
    expect(parseMessage(teach, 'background').type).toBe('teach-mood');
    expect(
      parseMessage({ ...teach, capturePage: '0f8fad5b-d9cb-469f-a165-70867728950e' }, 'background').type,
    ).toBe('teach-mood');
    expect(() => parseMessage({ ...teach, mood: 'bored' }, 'background')).toThrow(/mood/);
    expect(() => parseMessage({ target: 'background', type: 'teach-mood' }, 'background')).toThrow(/mood/);
    expect(() => parseMessage({ ...teach, probabilities }, 'background')).toThrow(/probabilities/);
  });

  it('calls the typed handler and wraps its value', async () => {
    const { listener, handlers } = listenerWith();
    const envelope = await listener({ ...capture, settings: DEFAULT_SETTINGS }, ownPage);
    expect(envelope).toEqual({ ok: true, value: { ok: 'capture' } });
    expect(handlers['capture-mood']).toHaveBeenCalledWith(
      { ...capture, settings: DEFAULT_SETTINGS },
      ownPage,
    );
  });

  it.each([
    ['another extension', { id: 'evil', url: 'chrome-extension://evil/x.html' }],
    ['a web page claiming our id', { id: 'moodtab-id', url: 'https://evil.example/' }],
    ['a sender without url', { id: 'moodtab-id' }],
  ])('refuses %s without calling a handler', async (_name, sender) => {
    const { listener, handlers } = listenerWith();
    const envelope = await listener(capture, sender);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'bad-message', detail: 'foreign sender' } });
    expect(handlers['capture-mood']).not.toHaveBeenCalled();
  });

  it.each([
    ['another extension', { id: 'evil', url: 'chrome-extension://evil/options.html' }],
    ['a web page claiming our id', { id: 'moodtab-id', url: 'https://evil.example/' }],
  ])('refuses a photo from %s without reading it', async (_name, sender) => {
    const { listener, handlers } = listenerWith();
    const envelope = await listener(readPhoto, sender);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'bad-message', detail: 'foreign sender' } });
    expect(handlers['read-photo']).not.toHaveBeenCalled();
  });

  it('hands a photo request to its handler, and the faces and reading back', async () => {
    const reading = { faces: [{ x: 1, y: 2, width: 30, height: 30 }], result: { mood: 'happy' } };
    const { listener, handlers } = listenerWith({ 'read-photo': async () => reading as never });
    const envelope = await listener({ ...readPhoto, face: 1 }, ownPage);
    expect(envelope).toEqual({ ok: true, value: reading });
    expect(handlers['read-photo']).toBeDefined();
  });

  it('answers malformed messages with bad-message', async () => {
    const { listener, handlers } = listenerWith();
    const envelope = await listener({ target: 'background', type: 'open-recommendation', mood: 42 }, ownPage);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(handlers['open-recommendation']).not.toHaveBeenCalled();
  });

  it('turns handler failures into error envelopes that unwrap to the same error', async () => {
    const { listener } = listenerWith({
      'capture-mood': async () => {
        throw new MoodtabError('no-face');
      },
    });
    const envelope = await listener(capture, ownPage);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'no-face' } });
    expect(() => unwrapEnvelope(envelope)).toThrow(expect.objectContaining({ code: 'no-face' }));
  });

  it('caps requests, not responses: a capture outcome with its 48x48 face crop comes back whole', async () => {
    const crop = Array.from({ length: 48 * 48 }, (_, i) => (i * 37) % 256);
    const outcome = { result: { mood: 'happy', face: { box: { x: 0, y: 0, width: 9, height: 9 }, crop } } };
    expect(JSON.stringify(outcome).length).toBeGreaterThan(MAX_REQUEST_CHARS);
    const { listener } = listenerWith({ 'capture-mood': async () => outcome as never });
    expect(unwrapEnvelope(await listener(capture, ownPage))).toEqual(outcome);
    // The same numbers sent to a listener are a flood like any other.
    expect(await listener({ ...capture, crop }, ownPage)).toMatchObject({
      ok: false,
      error: { code: 'bad-message', detail: `larger than ${MAX_REQUEST_CHARS} characters` },
    });
  });

  it('unwrapEnvelope reports a missing or garbled response as internal', () => {
    expect(() => unwrapEnvelope(undefined)).toThrow(expect.objectContaining({ code: 'internal' }));
    // An inherited property name is not an error code.
    expect(() => unwrapEnvelope({ ok: false, error: { code: 'constructor' } })).toThrow(
      expect.objectContaining({ code: 'internal' }),
    );
    expect(unwrapEnvelope({ ok: true, value: 7 })).toBe(7);
  });
});
