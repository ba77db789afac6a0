/**
 * Chrome's capture host: one offscreen document, and no message to it before it can answer.
 * Firefox's: requests go to the capture page of the popup that asked, which may still be loading.
 */
import { createCaptureHost } from '../../src/background/captureHost';
import { createCaptureHost as createFirefoxCaptureHost } from '../../src/background/captureHost.firefox';
import * as browserApi from '../../src/platform/browserApi';
import { MoodtabError } from '../../src/common/errors';

jest.mock('../../src/platform/browserApi', () => ({
  closeOffscreenDocument: jest.fn(),
  createOffscreenDocument: jest.fn(),
  hasOffscreenDocument: jest.fn(),
  sendRequest: jest.fn(),
}));
const api = jest.mocked(browserApi);

describe('Chrome capture host', () => {
  it('a capture right after the warm-up waits until the document the warm-up creates has loaded', async () => {
    let exists = false;
    let loaded!: () => void;
    api.hasOffscreenDocument.mockImplementation(async () => exists);
    api.createOffscreenDocument.mockImplementation(() => {
      exists = true; // Chrome lists the document as soon as it is created, before it has loaded
      return new Promise<void>((resolve) => (loaded = resolve));
    });
    const sent: string[] = [];
    api.sendRequest.mockImplementation(async (message) => {
      sent.push(message.type);
      return {} as never;
    });

    const host = createCaptureHost();
    const warm = host.warmUp('wasm');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const capture = host.recognize({ frames: 3, countdownSeconds: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([]);

    loaded();
    await Promise.all([warm, capture]);
    expect(api.createOffscreenDocument).toHaveBeenCalledTimes(1);
    expect(api.sendRequest).toHaveBeenCalledWith({ target: 'offscreen', type: 'warm-up', backend: 'wasm' });
    expect(api.sendRequest).toHaveBeenCalledWith(
      { target: 'offscreen', type: 'recognize-mood', frames: 3, countdownSeconds: 0 },
      { signal: undefined },
    );

    // Once loaded, later requests go straight to it.
    await host.recognize({ frames: 3, countdownSeconds: 3, backend: 'wasm' });
    expect(api.createOffscreenDocument).toHaveBeenCalledTimes(1);
  });
});

describe('Chrome capture host, from a fresh start', () => {
  /** The host module with no document, nothing being created or closed. */
  function freshHost(): ReturnType<typeof createCaptureHost> {
    let host!: ReturnType<typeof createCaptureHost>;
    jest.isolateModules(() => {
      // A fresh module: its document state (created, being created, being closed) starts empty.
      type HostModule = typeof import('../../src/background/captureHost');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('../../src/background/captureHost') as HostModule;
      host = fresh.createCaptureHost();
    });
    return host;
  }

  beforeEach(() => {
    jest.clearAllMocks();
    api.hasOffscreenDocument.mockResolvedValue(false);
  });

  it('a capture cancelled while the document opens never reaches it: no reading, no camera', async () => {
    let loaded!: () => void;
    api.createOffscreenDocument.mockImplementation(() => new Promise<void>((resolve) => (loaded = resolve)));
    const popupClosed = new AbortController();
    const reading = freshHost().recognize({ frames: 3, countdownSeconds: 3 }, undefined, popupClosed.signal);
    await new Promise((resolve) => setTimeout(resolve, 0));
    popupClosed.abort(new MoodtabError('cancelled'));
    loaded();
    await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
    expect(api.sendRequest).not.toHaveBeenCalled(); // neither the reading nor a cancel for it
  });

  it('every request waiting for a document that never opens fails within the limit, not only the first', async () => {
    jest.useFakeTimers();
    try {
      api.createOffscreenDocument.mockReturnValue(new Promise<void>(() => undefined));
      const host = freshHost();
      const warm = expect(host.warmUp()).rejects.toMatchObject({ code: 'no-answer' });
      await jest.advanceTimersByTimeAsync(1); // the warm-up is creating the document now
      const capture = expect(host.recognize({ frames: 3, countdownSeconds: 0 })).rejects.toMatchObject({
        code: 'no-answer',
      });
      await jest.advanceTimersByTimeAsync(60_000);
      await Promise.all([warm, capture]);
      expect(api.createOffscreenDocument).toHaveBeenCalledTimes(1);
      expect(api.sendRequest).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('Firefox capture host', () => {
  const capturePage = '0f8fad5b-d9cb-469f-a165-70867728950e';

  beforeEach(() => {
    jest.clearAllMocks();
    api.sendRequest.mockResolvedValue({} as never);
  });

  it("warms up and captures in the asking popup's own capture page, waiting for it to load", async () => {
    const host = createFirefoxCaptureHost();
    expect(host.needsPopupToCapture).toBe(true);
    await host.warmUp('webgl', capturePage);
    expect(api.sendRequest).toHaveBeenLastCalledWith(
      { target: 'offscreen', type: 'warm-up', backend: 'webgl', capturePage },
      { waitForReceiverMs: expect.any(Number) },
    );
    await host.recognize({ frames: 3, countdownSeconds: 3 }, capturePage);
    expect(api.sendRequest).toHaveBeenLastCalledWith(
      { target: 'offscreen', type: 'recognize-mood', frames: 3, countdownSeconds: 3, capturePage },
      { waitForReceiverMs: expect.any(Number) },
    );
    expect(api.createOffscreenDocument).not.toHaveBeenCalled();
  });

  it('sends no empty fields: no stored backend, no capture page named', async () => {
    await createFirefoxCaptureHost().warmUp();
    expect(api.sendRequest).toHaveBeenLastCalledWith(
      { target: 'offscreen', type: 'warm-up' },
      { waitForReceiverMs: expect.any(Number) },
    );
  });
});

describe('cancelling a capture', () => {
  beforeEach(() => jest.clearAllMocks());

  it('tells the capture page to stop once the popup closes, and gives up waiting at once', async () => {
    api.hasOffscreenDocument.mockResolvedValue(true);
    api.sendRequest.mockImplementation(async (message, options) => {
      if (message.type === 'cancel-capture') return { cancelled: true } as never;
      // The reading waits until cancelled, as sendRequest does with a signal.
      return new Promise((_resolve, reject) =>
        options?.signal?.addEventListener('abort', () => reject(options.signal!.reason)),
      );
    });
    const closing = new AbortController();
    const reading = createCaptureHost().recognize(
      { frames: 3, countdownSeconds: 3 },
      undefined,
      closing.signal,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    closing.abort(new MoodtabError('cancelled'));
    await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
    expect(api.sendRequest).toHaveBeenCalledWith({ target: 'offscreen', type: 'cancel-capture' });
  });
});

describe('closing an idle offscreen document', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    api.hasOffscreenDocument.mockResolvedValue(true);
    api.closeOffscreenDocument.mockResolvedValue(undefined);
  });

  it('closes it when idle, and the next request opens a new one', async () => {
    const host = createCaptureHost();
    api.sendRequest.mockResolvedValue({} as never);
    await expect(host.closeIdle()).resolves.toBe(true);
    expect(api.closeOffscreenDocument).toHaveBeenCalledTimes(1);
    api.hasOffscreenDocument.mockResolvedValue(false);
    api.createOffscreenDocument.mockResolvedValue(undefined);
    await host.warmUp();
    expect(api.createOffscreenDocument).toHaveBeenCalledTimes(1);
  });

  it('keeps it open while a request is under way', async () => {
    const host = createCaptureHost();
    let answer!: (value: never) => void;
    api.sendRequest.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const reading = host.recognize({ frames: 3, countdownSeconds: 3 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(host.closeIdle()).resolves.toBe(false);
    expect(api.closeOffscreenDocument).not.toHaveBeenCalled();
    answer({} as never);
    await reading;
    await expect(host.closeIdle()).resolves.toBe(true);
  });

  it('has nothing to close on Firefox, where the capture page lives in the popup', async () => {
    await expect(createFirefoxCaptureHost().closeIdle()).resolves.toBe(false);
    expect(api.closeOffscreenDocument).not.toHaveBeenCalled();
  });
});

describe('reading a photo (the options page)', () => {
  const photo = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
  beforeEach(() => {
    jest.clearAllMocks();
    api.sendRequest.mockResolvedValue({ faces: [], result: {} } as never);
  });

  it('on Chrome: opens the offscreen document if needed, sends it the photo id, and keeps it open meanwhile', async () => {
    api.hasOffscreenDocument.mockResolvedValue(false);
    api.createOffscreenDocument.mockResolvedValue(undefined);
    let answer!: (value: never) => void;
    api.sendRequest.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const host = createCaptureHost();
    const reading = host.readPhoto({ photo, face: 1 }, 'ignored-on-chrome');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.createOffscreenDocument).toHaveBeenCalledTimes(1);
    expect(api.sendRequest).toHaveBeenCalledWith({ target: 'offscreen', type: 'read-photo', photo, face: 1 });
    await expect(host.closeIdle()).resolves.toBe(false); // not idle while the photo is read
    answer({ faces: [] } as never);
    await expect(reading).resolves.toEqual({ faces: [] });
  });

  it("on Firefox: addresses the asking page's own capture frame, which may still be loading", async () => {
    const capturePage = '0f8fad5b-d9cb-469f-a165-70867728950e';
    await createFirefoxCaptureHost().readPhoto({ photo }, capturePage);
    expect(api.sendRequest).toHaveBeenLastCalledWith(
      { target: 'offscreen', type: 'read-photo', photo, capturePage },
      { waitForReceiverMs: expect.any(Number) },
    );
    expect(api.createOffscreenDocument).not.toHaveBeenCalled();
  });
});
