import { MoodtabError } from '../../src/shared/errors';
import {
  createMessageListener,
  targetOf,
  parseMessage,
  unwrapEnvelope,
  type Handlers,
} from '../../src/shared/messages';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const self = { id: 'moodtab-id', origin: 'chrome-extension://moodtab-id/' };
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
const probabilities = { calm: 0.1, angry: 0, sad: 0.2, happy: 0.7, surprised: 0 };

function listenerWith(handlers: Partial<Handlers<'background'>> = {}) {
  const all: Handlers<'background'> = {
    'capture-mood': jest.fn(async () => ({ ok: 'capture' }) as never),
    'open-recommendation': jest.fn(async () => ({ ok: 'open' }) as never),
    'recommendation-feedback': jest.fn(async () => ({ recorded: true }) as const),
    'warm-up': jest.fn(async () => ({ ok: 'warm' }) as never),
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
    expect(
      parseMessage({ target: 'popup', type: 'capture-progress', stage: 'countdown', secondsLeft: 2 }, 'popup')
        .type,
    ).toBe('capture-progress');
  });

  it.each([
    [{ target: 'background', type: 'capture-mood' }, 'invalid fields for background/capture-mood'],
    [{ ...capture, settings: { ...settings, media: 'podcasts' } }, 'invalid fields'],
    [{ ...capture, settings: { ...settings, providers: { music: 'netflix' } } }, 'invalid fields'],
    [{ ...capture, settings: { ...settings, spy: true } }, 'invalid fields'],
    [{ ...capture, settings: { media: 'music', strategy: 'match' } }, 'invalid fields'],
    [{ target: 'background', type: 'open-recommendation', mood: 'bored', settings }, 'invalid fields'],
    [{ target: 'background', type: 'open-recommendation', mood: 'sad', media: 'music' }, 'invalid fields'],
    [{ ...capture, inBackground: 'yes' }, 'invalid fields'],
    [{ ...open, inBackground: 1 }, 'invalid fields for background/open-recommendation'],
    [{ ...open, extra: true }, 'invalid fields'],
    [{ ...open, capture: { id: 'c', camera: 'bored', probabilities } }, 'invalid fields'],
    [{ ...open, capture: { id: 'c', camera: 'sad' } }, 'invalid fields'],
    [
      { ...open, capture: { id: 'c', camera: 'sad', probabilities: { ...probabilities, sad: 2 } } },
      'invalid fields',
    ],
    [{ ...open, correcting: 'entry-1' }, 'invalid fields'],
    [{ ...open, capture: { id: 'c', camera: 'sad', shown: 'sad', probabilities: [] } }, 'invalid fields'],
    [{ ...open, capture: { id: '../../etc', camera: 'sad', probabilities } }, 'invalid fields'],
    [{ ...feedback, pick: { ...pick, captureId: '../x' } }, 'invalid fields'],
    [{ ...feedback, verdict: 'meh' }, 'invalid fields for background/recommendation-feedback'],
    [{ ...feedback, replaces: 'meh' }, 'invalid fields'],
    [{ ...feedback, pick: { ...pick, query: 'x'.repeat(81) } }, 'invalid fields'],
    [{ ...feedback, pick: { ...pick, query: 'a\nb' } }, 'invalid fields'],
    [{ ...feedback, pick: { ...pick, providerId: 'Spotify!' } }, 'invalid fields'],
    [{ ...feedback, pick: { ...pick, mood: 'constructor' } }, 'invalid fields'],
    [{ ...feedback, pick: { ...pick, extra: 1 } }, 'invalid fields'],
    [{ ...feedback, rating: 5 }, 'invalid fields'],
    [{ target: 'popup', type: 'capture-progress', stage: 'loading-models', progress: 7 }, 'invalid fields'],
    [{ target: 'background', type: 'format-disk' }, 'unknown background message type format-disk'],
    [{ ...recognize, frames: 1000 }, 'invalid fields for offscreen/recognize-mood'],
    [{ ...recognize, frames: 1.5 }, 'invalid fields'],
    [{ target: 'offscreen', type: 'recognize-mood', frames: 3 }, 'invalid fields'],
    [{ ...recognize, countdownSeconds: 60 }, 'invalid fields'],
    [{ ...recognize, countdownSeconds: -1 }, 'invalid fields'],
    [{ ...recognize, backend: 'webgpu' }, 'invalid fields'],
    [{ target: 'offscreen', type: 'warm-up', backend: 'tpu' }, 'invalid fields for offscreen/warm-up'],
    [{ target: 'offscreen', type: 'warm-up', frames: 3 }, 'invalid fields'],
    [{ target: 'background', type: 'warm-up', settings }, 'invalid fields for background/warm-up'],
    [{ target: 'popup', type: 'capture-progress', stage: 'countdown', secondsLeft: 0 }, 'invalid fields'],
    [{ target: 'popup', type: 'capture-progress', stage: 'countdown', secondsLeft: 1.5 }, 'invalid fields'],
    [{ target: 'popup', type: 'capture-progress', stage: 'smiling' }, 'invalid fields'],
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

  it('unwrapEnvelope reports a missing or garbled response as internal', () => {
    expect(() => unwrapEnvelope(undefined)).toThrow(expect.objectContaining({ code: 'internal' }));
    // An inherited property name is not an error code.
    expect(() => unwrapEnvelope({ ok: false, error: { code: 'constructor' } })).toThrow(
      expect.objectContaining({ code: 'internal' }),
    );
    expect(unwrapEnvelope({ ok: true, value: 7 })).toBe(7);
  });
});
