/** @jest-environment jsdom */
/**
 * The popup's one-line mood-patterns note, in jsdom with the platform seam mocked: shown once for
 * a flag the user has not seen, gone once dismissed or followed, never during a capture, and
 * nothing (not even the journal read) while the journal is off.
 */
import { randomUUID } from 'node:crypto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import * as browserApi from '../../src/platform/browserApi';
import { App } from '../../src/popup/App';
import { MoodtabError } from '../../src/common/errors';
import type { JournalEntry } from '../../src/journal/journal';
import type { Mood } from '../../src/model/moods';
import { JOURNAL_KEY, JOURNAL_PREFS_KEY, PATTERNS_SEEN_KEY } from '../../src/storage/registry';
import { resetFakes, stored } from './helpers/fakeBrowserApi';

jest.mock('../../src/platform/browserApi', () =>
  jest.requireActual<typeof import('./helpers/fakeBrowserApi')>('./helpers/fakeBrowserApi').fakeBrowserApi(),
);
const api = jest.mocked(browserApi);
Object.assign(globalThis.crypto, { randomUUID });

const ON = { enabled: true, asked: true, retention: 365 };
const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (daysAgo: number) => {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
};
let ids = 0;
const entry = (daysAgo: number, hour: number, mood: Mood): JournalEntry => {
  const now = new Date();
  return {
    id: `entry-${++ids}`,
    time: new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo, hour).toISOString(),
    mood,
    source: 'camera',
    probabilities: null,
    media: 'music',
    provider: 'spotify',
    query: 'rainy day songs',
  };
};
/** Three weeks up to today, two sad entries a day: the persistent-low-mood flag. */
const SAD_WEEKS = Array.from({ length: 21 }, (_, i) => [entry(i, 9, 'sad'), entry(i, 12, 'sad')]).flat();
const NOTE = 'There is something new in your mood patterns.';

const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));
let root: HTMLElement;
const note = () => root.querySelector('.patterns-note');
const buttonNamed = (name: string) =>
  [...root.querySelectorAll('button')].find((button) => button.textContent === name) as HTMLButtonElement;
const click = async (button: HTMLElement) => {
  await act(() => button.click());
  await settle();
};

async function openPopup(): Promise<void> {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => render(<App />, root));
  await settle();
}

beforeEach(() => {
  resetFakes({ [JOURNAL_PREFS_KEY]: ON, [JOURNAL_KEY]: SAD_WEEKS });
  api.sendRequest.mockResolvedValue(undefined);
});

describe('popup: the mood-patterns note', () => {
  it('says once that something is new: dismissed, it is seen, and the next popup stays quiet', async () => {
    await openPopup();
    expect(note()!.textContent).toBe(`${NOTE} See your patterns Dismiss`);
    await click(buttonNamed('Dismiss'));
    expect(note()).toBeNull();
    expect(stored.get(PATTERNS_SEEN_KEY)).toEqual({
      'persistent-low-mood': { start: localDay(20), end: localDay(0) },
    });
    await openPopup();
    expect(note()).toBeNull();
  });

  it('links to the report on the options page, which counts as seen, keeping what was seen before', async () => {
    const swings = { start: '2020-01-01', end: '2020-01-21' };
    resetFakes({
      [JOURNAL_PREFS_KEY]: ON,
      [JOURNAL_KEY]: SAD_WEEKS,
      [PATTERNS_SEEN_KEY]: { 'mood-swings': swings },
    });
    await openPopup();
    await click(buttonNamed('See your patterns'));
    expect(api.openOrFocusTab).toHaveBeenCalledWith('chrome-extension://moodtab-id/options.html', 'patterns');
    expect(note()).toBeNull();
    expect(stored.get(PATTERNS_SEEN_KEY)).toEqual({
      'mood-swings': swings,
      'persistent-low-mood': { start: localDay(20), end: localDay(0) },
    });
  });

  it('writes the dismissal at once, not behind a lock a closing popup may never get', async () => {
    await openPopup();
    api.saveStored.mockClear();
    buttonNamed('Dismiss').click();
    // Called in the click itself, before any await: a page closing now still gets the write out.
    expect(api.saveStored).toHaveBeenCalledWith(PATTERNS_SEEN_KEY, {
      'persistent-low-mood': { start: localDay(20), end: localDay(0) },
    });
    await settle();
  });

  it('stays quiet about a stretch already seen (on the options page), and speaks of a new one', async () => {
    resetFakes({
      [JOURNAL_PREFS_KEY]: ON,
      [JOURNAL_KEY]: SAD_WEEKS,
      [PATTERNS_SEEN_KEY]: { 'persistent-low-mood': { start: localDay(20), end: localDay(1) } },
    });
    await openPopup();
    expect(note()).toBeNull();
    // A stretch seen that ended long before this one began: this one is news.
    stored.set(PATTERNS_SEEN_KEY, { 'persistent-low-mood': { start: '2020-01-01', end: '2020-01-20' } });
    await openPopup();
    expect(note()!.textContent).toContain(NOTE);
  });

  it('has nothing to say without a flag', async () => {
    resetFakes({ [JOURNAL_PREFS_KEY]: ON, [JOURNAL_KEY]: SAD_WEEKS.slice(0, 6) });
    await openPopup();
    expect(note()).toBeNull();
  });

  it('reads and computes nothing while the journal is off', async () => {
    resetFakes({ [JOURNAL_PREFS_KEY]: { ...ON, enabled: false }, [JOURNAL_KEY]: SAD_WEEKS });
    await openPopup();
    expect(note()).toBeNull();
    expect(api.loadStored).not.toHaveBeenCalledWith(JOURNAL_KEY);
    expect(api.loadStored).not.toHaveBeenCalledWith(PATTERNS_SEEN_KEY);
  });

  it('gives way to a capture and its outcome, and is not marked seen by them', async () => {
    let fail!: (error: Error) => void;
    api.sendRequest.mockImplementation(async (message) =>
      message.type === 'capture-mood'
        ? new Promise<never>((_, reject) => (fail = reject))
        : (undefined as never),
    );
    await openPopup();
    expect(note()).not.toBeNull();
    await click(root.querySelector<HTMLButtonElement>('button.capture')!);
    expect(note()).toBeNull();
    fail(new MoodtabError('no-face'));
    await settle();
    expect(root.querySelector('[role=status]')!.textContent).not.toBe('');
    expect(note()).toBeNull();
    expect(stored.has(PATTERNS_SEEN_KEY)).toBe(false);
  });
});
