/** @jest-environment jsdom */
/** The welcome page in jsdom: what Moodtab does, the privacy promise, the camera, the shortcut, the journal question. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import * as browserApi from '../../src/platform/browserApi';
import { JOURNAL_PREFS_KEY } from '../../src/storage/registry';
import { App } from '../../src/welcome/App';
import { resetFakes, stored } from './helpers/fakeBrowserApi';

jest.mock('../../src/platform/browserApi', () =>
  jest.requireActual<typeof import('./helpers/fakeBrowserApi')>('./helpers/fakeBrowserApi').fakeBrowserApi(),
);
const api = jest.mocked(browserApi);

const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));
let root: HTMLElement;
const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
const buttonNamed = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name);
const cameraStatus = () => $('#camera [role=status]')!.textContent;

const stop = jest.fn();
const getUserMedia = jest.fn();
Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia } });

async function openWelcome(hash = ''): Promise<void> {
  window.location.hash = hash;
  root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => render(<App />, root));
  await settle();
}

beforeEach(() => {
  resetFakes();
  stop.mockReset();
  getUserMedia.mockReset().mockResolvedValue({ getTracks: () => [{ stop }, { stop }] });
});

describe('welcome page', () => {
  it('says what Moodtab does in three lines, and what stays private', async () => {
    await openWelcome();
    expect($('h1')!.textContent).toBe('Welcome to Moodtab');
    expect([...root.querySelectorAll('ol.what li')]).toHaveLength(3);
    expect(root.textContent).toContain('sees only the search, like “chill acoustic”');
    expect(root.textContent).toContain('the picture is read in memory and thrown away at once');
  });

  it('asks for the camera with a button, and closes the camera at once', async () => {
    await openWelcome();
    await act(() => buttonNamed('Allow camera')!.click());
    await settle();
    expect(getUserMedia).toHaveBeenCalledWith({ video: true, audio: false });
    expect(stop).toHaveBeenCalledTimes(2);
    expect(cameraStatus()).toBe(
      'Moodtab may use your camera. Now click the Moodtab icon to capture your mood.',
    );
    expect(buttonNamed('Allow camera')).toBeUndefined();
  });

  it('when the camera is refused or blocked, shows the steps to allow it again', async () => {
    getUserMedia.mockRejectedValue(
      Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }),
    );
    await openWelcome();
    await act(() => buttonNamed('Allow camera')!.click());
    await settle();
    expect(cameraStatus()).toMatch(/^Camera access was blocked\./);
    expect(root.querySelectorAll('#camera .camera-help li')).toHaveLength(4);

    api.watchCameraPermission.mockImplementation(async (listener) => listener('denied'));
    await openWelcome();
    expect(buttonNamed('Allow camera')).toBeUndefined(); // asking again would do nothing
    expect($('#camera .camera-help h3')!.textContent).toBe('How to let Moodtab use the camera again');
  });

  it('names other camera trouble without the unblocking steps', async () => {
    getUserMedia.mockRejectedValue(Object.assign(new Error('none'), { name: 'NotFoundError' }));
    await openWelcome();
    await act(() => buttonNamed('Allow camera')!.click());
    await settle();
    expect(cameraStatus()).toBe('No camera was found. Connect a webcam and try again.');
    expect($('.camera-help')).toBeNull();
  });

  it('opened for a capture that needs the camera, puts the focus on the camera section', async () => {
    await openWelcome('#camera');
    expect(document.activeElement).toBe($('#camera-title'));
  });

  it('brought back by a later capture (its hash changed to #camera), puts the focus there again', async () => {
    await openWelcome();
    (document.activeElement as HTMLElement | null)?.blur();
    window.location.hash = '#camera';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(document.activeElement).toBe($('#camera-title'));
  });

  it('in Firefox, says to tick "Remember this decision" while the camera is undecided', async () => {
    await openWelcome();
    expect($('#camera .remember')).toBeNull(); // Chrome's prompt has no such box
    api.isFirefox.mockReturnValue(true);
    await openWelcome();
    expect($('#camera .remember')!.textContent).toBe(
      'In Firefox’s prompt, tick “Remember this decision” before you choose Allow: otherwise Firefox forgets the permission when this tab closes, and Moodtab cannot use the camera.',
    );
    api.watchCameraPermission.mockImplementation(async (listener) => listener('granted'));
    await openWelcome();
    expect($('#camera .remember')).toBeNull();
    expect(buttonNamed('Allow camera')).toBeUndefined();
    expect(cameraStatus()).toBe(
      'Moodtab may use your camera. Now click the Moodtab icon to capture your mood.',
    );
  });

  it('says so when the browser kept the grant for this tab only, and leaves the button to ask again', async () => {
    api.cameraPermissionState.mockResolvedValue('prompt');
    api.isFirefox.mockReturnValue(true);
    await openWelcome();
    await act(() => buttonNamed('Allow camera')!.click());
    await settle();
    expect(stop).toHaveBeenCalledTimes(2); // the camera is closed again all the same
    expect(cameraStatus()).toBe(
      'The camera was allowed for this tab only, so Moodtab still cannot use it. Press the button again and tick “Remember this decision” before you choose Allow.',
    );
    expect($('#camera .camera-status.error')).not.toBeNull();
    expect(buttonNamed('Allow camera')).toBeDefined();

    api.isFirefox.mockReturnValue(false);
    await openWelcome();
    await act(() => buttonNamed('Allow camera')!.click());
    await settle();
    expect(cameraStatus()).toBe(
      'The camera was allowed for this visit only, so Moodtab still cannot use it. Press the button again and choose to allow it every time.',
    );
  });

  it('follows the permission as the browser reports it: granted elsewhere, the button goes', async () => {
    let report!: (state: browserApi.CameraPermission) => void;
    api.watchCameraPermission.mockImplementation(async (listener) => void (report = listener));
    await openWelcome();
    report('prompt');
    await settle();
    expect(buttonNamed('Allow camera')).toBeDefined();
    report('granted');
    await settle();
    expect(buttonNamed('Allow camera')).toBeUndefined();
    expect(cameraStatus()).toMatch(/^Moodtab may use your camera\./);
  });

  it('shows the shortcut as the browser has it, and where to change it', async () => {
    await openWelcome();
    expect(root.textContent).toContain('Press Alt+Shift+M on any page');
    expect(root.textContent).toContain('You can change it at chrome://extensions/shortcuts.');
    api.captureShortcut.mockResolvedValue('');
    api.isFirefox.mockReturnValue(true);
    await openWelcome();
    expect(root.textContent).toContain('No shortcut is set for capturing your mood.');
    expect(root.textContent).toContain('Manage Extension Shortcuts');
  });

  it('asks once whether to keep a journal, off until the answer is yes', async () => {
    await openWelcome();
    expect($('.journal-opt-in')).not.toBeNull();
    await act(() => buttonNamed('Yes, keep a journal')!.click());
    await settle();
    expect(stored.get(JOURNAL_PREFS_KEY)).toEqual({ enabled: true, asked: true, retention: 365 });
    expect($('.journal-opt-in')).toBeNull();
    expect($('.journal-answer [role=status]')!.textContent).toMatch(/^Your mood journal is on\./);
    await act(() => buttonNamed("Open Moodtab's options")!.click());
    expect(api.openOptionsPage).toHaveBeenCalled();

    resetFakes({ [JOURNAL_PREFS_KEY]: { enabled: false, asked: true, retention: 90 } });
    await openWelcome();
    expect($('.journal-opt-in')).toBeNull();
    expect($('.journal-answer [role=status]')!.textContent).toMatch(/^Moodtab keeps no journal\./);
  });
});
