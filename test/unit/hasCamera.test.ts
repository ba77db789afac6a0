/** @jest-environment jsdom */
import { hasCamera } from '../../src/platform/browserApi';

// The polyfill throws outside an extension; hasCamera needs only navigator.mediaDevices.
jest.mock('webextension-polyfill', () => ({}));

function listDevices(enumerateDevices: () => Promise<Partial<MediaDeviceInfo>[]>): void {
  Object.defineProperty(navigator, 'mediaDevices', { value: { enumerateDevices }, configurable: true });
}

describe('hasCamera', () => {
  afterEach(() => jest.useRealTimers());

  it('is true when a video input is listed, false when only other devices are', async () => {
    listDevices(async () => [{ kind: 'audioinput' }, { kind: 'videoinput' }]);
    expect(await hasCamera()).toBe(true);
    listDevices(async () => [{ kind: 'audioinput' }, { kind: 'audiooutput' }]);
    expect(await hasCamera()).toBe(false);
    listDevices(async () => []);
    expect(await hasCamera()).toBe(false);
  });

  it('cannot tell when the browser has no device list or refuses it', async () => {
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
    expect(await hasCamera()).toBeUndefined();
    listDevices(() => Promise.reject(new DOMException('not allowed', 'NotAllowedError')));
    expect(await hasCamera()).toBeUndefined();
  });

  it('cannot tell when the list does not come in time (Firefox holds it for an unfocused page)', async () => {
    jest.useFakeTimers();
    listDevices(() => new Promise(() => undefined));
    const answer = hasCamera(200);
    jest.advanceTimersByTime(200);
    expect(await answer).toBeUndefined();
  });
});
