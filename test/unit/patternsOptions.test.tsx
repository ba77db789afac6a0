/** @jest-environment jsdom */
/**
 * "Your patterns" on the options page, in jsdom on an in-memory storage.local: the report for the
 * period chosen, its cards and their fold, the gentle note with a flag, "not enough yet", nothing
 * while the journal is off, flags marked seen once shown, and the print.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../src/options/App';
import type { JournalEntry } from '../../src/journal/journal';
import type { Mood } from '../../src/model/moods';
import { JOURNAL_KEY, JOURNAL_PREFS_KEY, PATTERNS_SEEN_KEY } from '../../src/storage/registry';
import { resetFakes, stored } from './helpers/fakeBrowserApi';

jest.mock('../../src/platform/browserApi', () =>
  jest.requireActual<typeof import('./helpers/fakeBrowserApi')>('./helpers/fakeBrowserApi').fakeBrowserApi(),
);

const ON = { enabled: true, asked: true, retention: 365 };
const OFF = { ...ON, enabled: false };
const pad = (n: number) => String(n).padStart(2, '0');
/** YYYY-MM-DD of the local day `daysAgo` days before today. */
const localDay = (daysAgo: number) => {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
};

let ids = 0;
/** An entry at a local hour of the day `daysAgo` days before today. */
function entry(daysAgo: number, hour: number, mood: Mood, extra: Partial<JournalEntry> = {}): JournalEntry {
  const now = new Date();
  const time = new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo, hour);
  return {
    id: `entry-${++ids}`,
    time: time.toISOString(),
    mood,
    source: 'camera',
    probabilities: null,
    media: 'music',
    provider: 'spotify',
    query: 'rainy day songs',
    ...extra,
  };
}
/** `days` days up to today, two entries each in the morning and at noon: sad, or calm. */
const journalOf = (days: number, mood: Mood, extra: Partial<JournalEntry> = {}) =>
  Array.from({ length: days }, (_, i) => [entry(i, 9, mood, extra), entry(i, 12, mood, extra)]).flat();

const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));
let root: HTMLElement;
const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
const $$ = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const cardCodes = () => $$('#patterns .pattern-card').map((card) => card.dataset.code);

async function openOptions(items: Record<string, unknown>): Promise<void> {
  resetFakes(items);
  root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => render(<App />, root));
  await settle();
}

describe('options page: your patterns', () => {
  it('sits at the top of the moods area and shows three weeks of sad days as a flag, with the gentle note and the helpline link', async () => {
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, [JOURNAL_KEY]: journalOf(21, 'sad') });
    expect($('#moods > :not(h2)')!.id).toBe('patterns');
    expect($('#patterns h3')!.textContent).toBe('Your patterns');
    expect($<HTMLInputElement>('input[name=patterns-period][value="30"]')!.checked).toBe(true);
    expect(cardCodes()[0]).toBe('persistent-low-mood');
    const card = $('#patterns .pattern-card.flag')!;
    expect(card.querySelector('.pattern-message')!.textContent).toMatch(
      /^Sad or angry has come up a lot lately: it was the mood seen most on 14 of the 14 days from /,
    );
    expect($('#patterns .pattern-period')!.textContent).toMatch(/: 42 entries on 21 days\.$/);
    const note = $('#patterns .pattern-support')!;
    expect(note.textContent).toContain('A camera reading of your face is not a measure of how you feel');
    const link = note.querySelector<HTMLAnchorElement>('a')!;
    expect([link.href, link.textContent]).toEqual([
      'https://findahelpline.com/',
      'Find a helpline near you (findahelpline.com)',
    ]);
  });

  it('opens a card to its numbers and a day strip with the days it speaks of outlined', async () => {
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, [JOURNAL_KEY]: journalOf(21, 'sad') });
    const fold = $<HTMLDetailsElement>('#patterns .pattern-card.flag details')!;
    expect(fold.querySelector('summary')!.textContent).toBe('The numbers');
    const numbers = [...fold.querySelectorAll('.pattern-numbers li')].map((li) => li.textContent);
    expect(numbers).toContain('From 42 entries on 21 of the 30 days.');
    expect(numbers.length).toBeGreaterThan(1);
    const cells = [...fold.querySelectorAll<SVGRectElement>('svg.day-strip rect')];
    expect(cells).toHaveLength(30);
    expect(cells.at(-1)!.getAttribute('data-day')).toBe(localDay(0));
    expect(cells.at(-1)!.getAttribute('class')).toBe('day mood-sad marked');
    expect(cells[0]!.getAttribute('class')).toBe('day empty');
    // The three weeks of low days that made the flag are outlined, the days before them are not.
    expect(cells.filter((cell) => cell.classList.contains('marked')).length).toBe(21);
    expect(cells[8]!.getAttribute('class')).toBe('day empty');
    expect(fold.querySelector('figcaption')!.textContent).toBe(
      'The mood seen most each day; the days this card is about are outlined.',
    );
  });

  it('marks the flags it shows as seen, so the popup does not bring them up again', async () => {
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, [JOURNAL_KEY]: journalOf(21, 'sad') });
    await settle();
    expect(stored.get(PATTERNS_SEEN_KEY)).toEqual({
      'persistent-low-mood': { start: localDay(20), end: localDay(0) },
    });
  });

  it('switches the period: 7 days hold no two-week stretch, 90 days still do', async () => {
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, [JOURNAL_KEY]: journalOf(21, 'sad') });
    await act(() => $<HTMLInputElement>('input[name=patterns-period][value="7"]')!.click());
    expect(cardCodes()).not.toContain('persistent-low-mood');
    expect($('#patterns .pattern-support')).toBeNull();
    expect($('#patterns .pattern-period')!.textContent).toMatch(/: 14 entries on 7 days\.$/);
    await act(() => $<HTMLInputElement>('input[name=patterns-period][value="90"]')!.click());
    expect(cardCodes()[0]).toBe('persistent-low-mood');
    expect($$('#patterns .pattern-card.flag svg.day-strip rect')).toHaveLength(90);
  });

  it('says there is not enough yet under 7 days with entries, and flags nothing', async () => {
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, [JOURNAL_KEY]: journalOf(5, 'sad') });
    expect($('#patterns .empty')!.textContent).toBe(
      'Not enough entries yet to look for patterns: that takes entries on 7 different days in this period, and so far there are entries on 5.',
    );
    expect(cardCodes()).toEqual([]);
    expect($('#patterns .pattern-support')).toBeNull();
    expect(stored.has(PATTERNS_SEEN_KEY)).toBe(false);
  });

  it('says nothing stands out when the days were steady', async () => {
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, [JOURNAL_KEY]: journalOf(21, 'calm') });
    expect($$('#patterns .pattern-card.flag')).toEqual([]);
    expect($('#patterns .pattern-support')).toBeNull();
  });

  it('computes and shows nothing while the journal is off, whatever entries are kept', async () => {
    await openOptions({ [JOURNAL_PREFS_KEY]: OFF, [JOURNAL_KEY]: journalOf(21, 'sad') });
    expect($('table.entries')).not.toBeNull();
    expect($('#patterns')).toBeNull();
    expect(stored.has(PATTERNS_SEEN_KEY)).toBe(false);
  });

  it('prints with the browser, every card open, and the search words only when ticked in', async () => {
    const liftedBy = { feedback: 'good-pick' as const };
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, [JOURNAL_KEY]: journalOf(21, 'sad', liftedBy) });
    const searchCard = $('#patterns .pattern-card[data-code=lifted-search]')!;
    expect(searchCard.textContent).toContain('rainy day songs');
    expect(searchCard.classList.contains('has-search-words')).toBe(true);
    expect($('#patterns')!.classList.contains('print-search-words')).toBe(false);
    await act(() => $<HTMLInputElement>('#patterns .pattern-print input[type=checkbox]')!.click());
    expect($('#patterns')!.classList.contains('print-search-words')).toBe(true);

    const print = jest.fn(() => {
      window.dispatchEvent(new Event('beforeprint'));
      printedOpen = $$('#patterns details').map((details) => (details as HTMLDetailsElement).open);
      window.dispatchEvent(new Event('afterprint'));
    });
    let printedOpen: boolean[] = [];
    window.print = print;
    const print_ = [...root.querySelectorAll('button')].find((button) => button.textContent === 'Print')!;
    await act(() => print_.click());
    expect(print).toHaveBeenCalledTimes(1);
    expect(printedOpen.length).toBeGreaterThan(1);
    expect(printedOpen.every(Boolean)).toBe(true);
    expect($$('#patterns details').some((details) => (details as HTMLDetailsElement).open)).toBe(false);
  });

  it('has a print stylesheet: the report alone, its controls and search words left out', () => {
    const css = readFileSync(join(__dirname, '..', '..', 'src', 'ui', 'journal.css'), 'utf8');
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toContain('body *:not(:has(#patterns)):not(#patterns):not(#patterns *)');
    expect(print).toContain('#patterns .no-print');
    expect(print).toContain('#patterns:not(.print-search-words) .has-search-words');
  });
});
