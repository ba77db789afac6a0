import { MoodtabError } from '../../src/shared/errors';
import {
  createMessageListener,
  targetOf,
  parseMessage,
  unwrapEnvelope,
  type Handlers,
} from '../../src/shared/messages';

const self = { id: 'moodtab-id', origin: 'chrome-extension://moodtab-id/' };
const ownPage = { id: 'moodtab-id', url: 'chrome-extension://moodtab-id/popup.html' };

function listenerWith(handlers: Partial<Handlers<'background'>> = {}) {
  const all: Handlers<'background'> = {
    'capture-mood': jest.fn(async () => ({ ok: 'capture' }) as never),
    'open-recommendation': jest.fn(async () => ({ ok: 'open' }) as never),
    ...handlers,
  };
  return { handlers: all, listener: createMessageListener('background', all, self) };
}

describe('parseMessage', () => {
  it('accepts well-formed messages', () => {
    expect(
      parseMessage({ target: 'background', type: 'capture-mood', media: 'movies' }, 'background').type,
    ).toBe('capture-mood');
    expect(parseMessage({ target: 'offscreen', type: 'recognize-mood', frames: 3 }, 'offscreen').type).toBe(
      'recognize-mood',
    );
  });

  it.each([
    [
      { target: 'background', type: 'capture-mood', media: 'podcasts' },
      'invalid fields for background/capture-mood',
    ],
    [{ target: 'background', type: 'open-recommendation', mood: 'bored', media: 'music' }, 'invalid fields'],
    [{ target: 'background', type: 'capture-mood', inBackground: 'yes' }, 'invalid fields'],
    [{ target: 'popup', type: 'capture-progress', stage: 'loading-models', progress: 7 }, 'invalid fields'],
    [{ target: 'background', type: 'format-disk' }, 'unknown background message type format-disk'],
    [
      { target: 'offscreen', type: 'recognize-mood', frames: 1000 },
      'invalid fields for offscreen/recognize-mood',
    ],
    [{ target: 'offscreen', type: 'recognize-mood', frames: 1.5 }, 'invalid fields'],
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
    const envelope = await listener(
      { target: 'background', type: 'capture-mood', media: 'pictures' },
      ownPage,
    );
    expect(envelope).toEqual({ ok: true, value: { ok: 'capture' } });
    expect(handlers['capture-mood']).toHaveBeenCalledWith(
      { target: 'background', type: 'capture-mood', media: 'pictures' },
      ownPage,
    );
  });

  it.each([
    ['another extension', { id: 'evil', url: 'chrome-extension://evil/x.html' }],
    ['a web page claiming our id', { id: 'moodtab-id', url: 'https://evil.example/' }],
    ['a sender without url', { id: 'moodtab-id' }],
  ])('refuses %s without calling a handler', async (_name, sender) => {
    const { listener, handlers } = listenerWith();
    const envelope = await listener({ target: 'background', type: 'capture-mood' }, sender);
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
    const envelope = await listener({ target: 'background', type: 'capture-mood' }, ownPage);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'no-face' } });
    expect(() => unwrapEnvelope(envelope)).toThrow(expect.objectContaining({ code: 'no-face' }));
  });

  it('unwrapEnvelope reports a missing response as internal', () => {
    expect(() => unwrapEnvelope(undefined)).toThrow(expect.objectContaining({ code: 'internal' }));
    expect(unwrapEnvelope({ ok: true, value: 7 })).toBe(7);
  });
});
