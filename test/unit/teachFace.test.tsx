/** @jest-environment jsdom */
/** "Teach Moodtab your face": five prompts, each one reading kept by the background; skips, errors, Firefox's frame. */
import { randomUUID } from 'node:crypto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { MoodtabError } from '../../src/common/errors';
import type { Mood } from '../../src/model/moods';
import * as browserApi from '../../src/platform/browserApi';
import { TeachFace } from '../../src/ui/teach-face';
import { resetFakes } from './helpers/fakeBrowserApi';

jest.mock('../../src/platform/browserApi', () =>
  jest.requireActual<typeof import('./helpers/fakeBrowserApi')>('./helpers/fakeBrowserApi').fakeBrowserApi(),
);
const api = jest.mocked(browserApi);
// Browsers have crypto.randomUUID (the Firefox capture page's id); jsdom 20 does not.
Object.assign(globalThis.crypto, { randomUUID });

const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));
let root: HTMLElement;
const buttonNamed = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name);
const click = async (name: string) => {
  await act(() => buttonNamed(name)!.click());
  await settle();
};
const taught: Mood[] = [];
type Sent = { type: string; mood?: Mood; capturePage?: string; cancelWith?: string };
const teachRequests = () =>
  api.sendRequest.mock.calls.map(([message]) => message as Sent).filter((m) => m.type === 'teach-mood');

async function openTeaching(): Promise<void> {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => render(<TeachFace />, root));
}

beforeEach(() => {
  resetFakes();
  taught.length = 0;
  api.sendRequest.mockImplementation(async (raw) => {
    const message = raw as Sent;
    if (message.type !== 'teach-mood') return undefined as never;
    taught.push(message.mood!);
    return { mood: message.mood, read: 'calm', taught: [...taught] } as never;
  });
});

describe('teach Moodtab your face', () => {
  it('asks for nothing until started, then prompts each of the five moods in turn', async () => {
    await openTeaching();
    expect(root.textContent).toContain('never a picture');
    expect(api.sendRequest).not.toHaveBeenCalled();
    await click('Start teaching');
    expect(api.sendRequest).toHaveBeenCalledWith({ target: 'background', type: 'warm-up' });
    expect(root.textContent).toContain('1 of 5: make a face that says “Calm”');
    await click('Ready');
    expect(root.textContent).toContain('For “Calm” the camera read: Calm. Kept.');
    expect(root.textContent).toContain('2 of 5: make a face that says “Angry”');
    await click('Skip');
    expect(root.textContent).toContain('3 of 5: make a face that says “Sad”');
    for (let prompt = 3; prompt <= 5; prompt++) await click('Ready');
    expect(teachRequests().map((m) => m.mood)).toEqual(['calm', 'sad', 'happy', 'surprised']);
    expect(root.textContent).toContain('For “Surprised” the camera read: Calm. Kept.');
    expect(root.textContent).toContain('Done. Moodtab now knows how your face looks');
    expect(buttonNamed('Teach again')).toBeDefined();
  });

  it('a prompt that fails says why and stays, so the user can try again', async () => {
    api.sendRequest.mockImplementation(async (message) => {
      if (message.type === 'teach-mood') throw new MoodtabError('no-face');
      return undefined as never;
    });
    await openTeaching();
    await click('Start teaching');
    await click('Ready');
    expect(root.querySelector('[role=status]')!.textContent).toMatch(/face/i);
    expect(root.textContent).toContain('1 of 5: make a face that says “Calm”');
    expect(buttonNamed('Ready')!.hasAttribute('disabled')).toBe(false);
  });

  it('where there are no offscreen documents (Firefox) the page hosts its own capture frame, once started', async () => {
    api.hasOffscreenDocuments.mockReturnValue(false);
    await openTeaching();
    expect(root.querySelector('iframe')).toBeNull(); // no models loaded for a page that may never teach
    await click('Start teaching');
    const frame = root.querySelector('iframe')!;
    const page = frame.getAttribute('src')!.replace('offscreen.html#', '');
    await click('Ready');
    expect(teachRequests()[0]).toEqual({
      target: 'background',
      type: 'teach-mood',
      mood: 'calm',
      capturePage: page,
      cancelWith: expect.any(String),
    });
    // The page held a port for the read, named in the request: closing the page cancels it.
    expect(api.holdCapturePort).toHaveBeenCalledWith(teachRequests()[0]!.cancelWith);
  });
});
