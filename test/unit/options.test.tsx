/** @jest-environment jsdom */
/**
 * The options page in jsdom, on an in-memory storage.local: settings, recommendations (the mapping
 * editor, what Moodtab learned, the previews opt-in), the journal, its charts and data controls.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import * as browserApi from '../../src/platform/browserApi';
import { localDayKey } from '../../src/ui/charts/chartData';
import { App } from '../../src/options/App';
import { RecommendationsSection } from '../../src/options/sections/recommendations';
import { armKey, contextKey, withVerdict } from '../../src/recommendation/bandit';
import {
  BANDIT_KEY,
  CALIBRATION_KEY,
  JOURNAL_KEY,
  JOURNAL_PREFS_KEY,
  MAPPING_KEY,
  SETTINGS_KEY,
} from '../../src/storage/registry';
import { CATALOGUE } from '../../src/recommendation/catalogue';
import { type JournalEntry } from '../../src/journal/journal';
import { journalToJson } from '../../src/journal/journalFile';
import { EMPTY_MAPPING, exportPack, withCustomProvider, withQueries } from '../../src/recommendation/mapping';
import { DEFAULT_SETTINGS } from '../../src/recommendation/settings';
import { resetFakes, stored } from './helpers/fakeBrowserApi';
import { journalIn, journalItems } from './helpers/journalStorage';
import { useLanguage } from './helpers/i18n';

jest.mock('../../src/platform/browserApi', () =>
  jest.requireActual<typeof import('./helpers/fakeBrowserApi')>('./helpers/fakeBrowserApi').fakeBrowserApi(),
);
const api = jest.mocked(browserApi);

const DAY = 24 * 60 * 60 * 1000;
const now = Date.now();
const entry = (id: string, daysAgo: number, extra: Partial<JournalEntry> = {}): JournalEntry => ({
  id,
  time: new Date(now - daysAgo * DAY).toISOString(),
  mood: 'happy',
  source: 'camera',
  probabilities: { calm: 0.1, angry: 0, sad: 0.05, happy: 0.8, surprised: 0.05 },
  media: 'music',
  provider: 'spotify',
  query: 'happy hits',
  ...extra,
});
const TODAY = localDayKey(new Date(now));
const ON = { enabled: true, asked: true, retention: 365 };

/** Blob URLs made for downloads, and their Blobs (jsdom has no URL.createObjectURL). */
const blobs = new Map<string, Blob>();
let made = 0;
URL.createObjectURL = (blob: Blob) => {
  const url = `blob:moodtab/${++made}`;
  blobs.set(url, blob);
  return url;
};
URL.revokeObjectURL = (url: string) => void blobs.delete(url);
const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));
let root: HTMLElement;
const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
const $$ = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const buttonNamed = (name: string) => $$('button').find((button) => button.textContent === name)!;
const statusIn = (section: string) => $(`#${section} [role=status]`)!.textContent;
const storedEntries = () => journalIn((key) => stored.get(key));

async function openOptions(items: Record<string, unknown> = {}): Promise<void> {
  resetFakes(items);
  root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => render(<App />, root));
  await settle();
}

async function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  await act(() => {
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

async function pickFile(text: string, name = 'journal.json') {
  const input = $<HTMLInputElement>('#import-file')!;
  Object.defineProperty(input, 'files', {
    value: [new File([text], name, { type: 'application/json' })],
    configurable: true,
  });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  await settle();
}

afterEach(() => useLanguage('en'));

describe('options page', () => {
  it('shows every section as a card, your moods first, each with its heading and a link to it', async () => {
    await openOptions();
    expect(
      $$('main > section.card').map((section) => [section.id, section.querySelector('h2')!.textContent]),
    ).toEqual([
      ['moods', 'Your moods'],
      ['choices', 'What Moodtab opens'],
      ['recommendations', 'Recommendations'],
      ['journal', 'Mood journal'],
      ['data', 'Your data'],
    ]);
    expect($$('nav a').map((link) => link.getAttribute('href'))).toEqual([
      '#moods',
      '#choices',
      '#recommendations',
      '#journal',
      '#data',
    ]);
  });

  it('holds every popup choice, a provider for each media at once, and saves them merged', async () => {
    await openOptions({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, media: 'movies', providers: { music: 'youtube-music' } },
    });
    expect($<HTMLInputElement>('input[value=movies]')!.checked).toBe(true);
    expect($<HTMLSelectElement>('select[name=provider-music]')!.value).toBe('youtube-music');
    expect($<HTMLSelectElement>('select[name=provider-pictures]')!.value).toBe('buzzfeed');
    await choose($<HTMLSelectElement>('select[name=provider-pictures]')!, 'pinterest');
    await choose($<HTMLSelectElement>('select[name=strategy]')!, 'lift');
    await act(() => $<HTMLInputElement>('input[name=countdown]')!.click());
    await settle();
    expect(stored.get(SETTINGS_KEY)).toEqual({
      media: 'movies',
      strategy: 'lift',
      providers: { music: 'youtube-music', pictures: 'pinterest' },
      countdown: false,
    });
    expect(root.textContent).toContain('Press Alt+Shift+M on any page');
    await act(() => buttonNamed('Change the shortcut').click());
    expect(api.openShortcutSettings).toHaveBeenCalled();
  });

  it("offers the user's own providers and any provider without an account, marking those that need one", async () => {
    const radio = { name: 'Radio', media: 'music' as const, url: 'https://radio.example/?q={query}' };
    await openOptions({
      [MAPPING_KEY]: withCustomProvider(EMPTY_MAPPING, radio),
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, providers: { movies: 'any', pictures: 'custom-gone' } },
    });
    const music = $<HTMLSelectElement>('select[name=provider-music]')!;
    expect([...music.options].map((option) => option.value)).toEqual(
      expect.arrayContaining(['spotify', 'custom-radio', 'any']),
    );
    expect([...music.options].map((option) => option.textContent)).toContain('Apple Music (account needed)');
    expect($<HTMLSelectElement>('select[name=provider-movies]')!.value).toBe('any');
    // A provider the user removed falls back to the default, as the background does.
    expect($<HTMLSelectElement>('select[name=provider-pictures]')!.value).toBe('buzzfeed');
    await choose(music, 'custom-radio');
    expect(stored.get(SETTINGS_KEY)).toMatchObject({ providers: { music: 'custom-radio', movies: 'any' } });
  });

  it('turns the journal on and off (an answer: not asked again) and keeps what is there', async () => {
    // A journal stored whole, as before monthly buckets: the page shows it, moved into its month.
    await openOptions({ [JOURNAL_KEY]: [entry('a', 1)] });
    const keep = $<HTMLInputElement>('input[name=journal-enabled]')!;
    expect(keep.checked).toBe(false); // off until the user says yes
    expect($('#moods .empty')).toBeNull(); // entries from before are still shown
    await act(() => keep.click());
    await settle();
    expect(stored.get(JOURNAL_PREFS_KEY)).toEqual({ enabled: true, asked: true, retention: 365 });
    await act(() => $<HTMLInputElement>('input[name=journal-enabled]')!.click());
    await settle();
    expect(stored.get(JOURNAL_PREFS_KEY)).toEqual({ enabled: false, asked: true, retention: 365 });
    expect(storedEntries()).toHaveLength(1);
  });

  it('deletes at once what a shorter retention no longer keeps, and says how many', async () => {
    await openOptions({
      [JOURNAL_PREFS_KEY]: ON,
      ...journalItems([entry('old', 100), entry('older', 60), entry('new', 2)]),
    });
    expect($<HTMLSelectElement>('select[name=journal-retention]')!.value).toBe('365');
    await choose($<HTMLSelectElement>('select[name=journal-retention]')!, '30');
    await settle();
    expect(stored.get(JOURNAL_PREFS_KEY)).toEqual({ ...ON, retention: 30 });
    expect(storedEntries().map((e) => e.id)).toEqual(['new']);
    expect(statusIn('journal')).toBe('Entries deleted because they were older than that: 2.');
    await choose($<HTMLSelectElement>('select[name=journal-retention]')!, 'forever');
    expect(stored.get(JOURNAL_PREFS_KEY)).toEqual({ ...ON, retention: 'forever' });
  });

  it('says why there is nothing to chart yet', async () => {
    await openOptions({ [JOURNAL_PREFS_KEY]: ON });
    expect($('#moods .empty')!.textContent).toBe(
      'No entries yet. Capture your mood, and it will appear here.',
    );
    await openOptions();
    expect($('#moods .empty')!.textContent).toMatch(/^The journal is off/);
  });

  it("charts today's entries per day and by share, each chart with a table, and lists them", async () => {
    const entries = [
      entry('h1', 0),
      entry('h2', 0, { source: 'manual', probabilities: null }),
      entry('s', 0, {
        mood: 'sad',
        source: 'corrected',
        media: 'movies',
        provider: 'netflix',
        query: 'drama',
        feedback: 'good-pick',
      }),
      entry('c', 3, { mood: 'calm', source: 'chosen', provider: 'custom-radio', query: 'lo-fi' }),
    ];
    const radio = { name: 'Radio', media: 'music' as const, url: 'https://radio.example/?q={query}' };
    await openOptions({
      [JOURNAL_PREFS_KEY]: ON,
      ...journalItems(entries),
      [MAPPING_KEY]: withCustomProvider(EMPTY_MAPPING, radio),
    });

    // Stacked bars: today's bar has a happy and a sad segment, drawn in SVG, hidden from screen readers.
    const today = $(`#mood-per-day g[data-day="${TODAY}"]`)!;
    expect([...today.querySelectorAll('rect')].map((rect) => rect.getAttribute('class'))).toEqual([
      'segment mood-sad',
      'segment mood-happy',
    ]);
    expect($('#mood-per-day .chart-drawing')!.getAttribute('aria-hidden')).toBe('true');
    const rows = $$('#mood-per-day table tbody tr').map((row) =>
      [...row.children].map((cell) => cell.textContent),
    );
    expect(rows).toHaveLength(7);
    expect(rows[6]!.slice(1)).toEqual(['0', '0', '1', '2', '0', '3']); // calm angry sad happy surprised total
    expect($('#mood-per-day .chart-table')!.classList.contains('visually-hidden')).toBe(true);

    // The share of each mood: 2 happy, 1 sad, 1 calm.
    const shares = $$('#mood-share table tbody tr').map((row) =>
      [...row.children].map((cell) => cell.textContent),
    );
    expect(shares).toEqual([
      ['Calm', '1', '25%'],
      ['Angry', '0', '0%'],
      ['Sad', '1', '25%'],
      ['Happy', '2', '50%'],
      ['Surprised', '0', '0%'],
    ]);

    // "Show as table" shows the table instead of the drawing.
    await act(() => $<HTMLButtonElement>('#mood-share .toggle')!.click());
    expect($('#mood-share .chart-drawing')).toBeNull();
    expect($('#mood-share .chart-table')!.classList.contains('visually-hidden')).toBe(false);
    expect($('#mood-share .toggle')!.getAttribute('aria-pressed')).toBe('true');

    // Every entry, newest first, in words.
    const listed = $$('table.entries tbody tr').map((row) =>
      [...row.children].slice(1).map((cell) => cell.textContent!.trim()),
    );
    expect(listed).toEqual([
      ['Sad', 'Corrected by hand', 'Movies on Netflix', 'drama', 'Good pick'],
      ['Happy', 'Picked by hand', 'Music on Spotify', 'happy hits', ''],
      ['Happy', 'Camera', 'Music on Spotify', 'happy hits', ''],
      ['Calm', 'Chosen from two', 'Music on Radio', 'lo-fi', ''],
    ]);
  });

  it('draws the year as a calendar coloured by the mood seen most each day', async () => {
    await openOptions({
      [JOURNAL_PREFS_KEY]: ON,
      ...journalItems([
        entry('a', 0, { mood: 'sad' }),
        entry('b', 0, { mood: 'sad' }),
        entry('c', 0),
        entry('d', 200, { mood: 'angry' }),
      ]),
    });
    await act(() => $<HTMLInputElement>('input[value=year]')!.click());
    expect($$('#calendar rect')).toHaveLength(365);
    expect($(`#calendar g[data-day="${TODAY}"] rect`)!.getAttribute('class')).toBe('day mood-sad');
    expect($$('#calendar rect.empty')).toHaveLength(363);
    expect(
      $$('#calendar table tbody tr').map((row) => [...row.children].slice(1).map((cell) => cell.textContent)),
    ).toEqual([
      ['Angry', '1'],
      ['Sad', '3'],
    ]);
  });

  it('shows an entry the background records while the page is open', async () => {
    await openOptions({ [JOURNAL_PREFS_KEY]: ON });
    // As the background writes a first entry: its month and the index, in one write.
    await act(() => api.storageArea.saveAll(journalItems([entry('live', 0, { mood: 'surprised' })])));
    await settle();
    expect($$('table.entries tbody tr')).toHaveLength(1);
    expect($(`#mood-per-day g[data-day="${TODAY}"] rect`)!.getAttribute('class')).toBe(
      'segment mood-surprised',
    );
  });

  it('downloads the journal as CSV and JSON through blob links, without the downloads permission', async () => {
    const entries = [entry('a', 1), entry('b', 0, { mood: 'calm', query: 'chill, acoustic' })];
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, ...journalItems(entries) });
    const [csvLink, jsonLink] = $$('.exports a') as HTMLAnchorElement[];
    expect(csvLink!.getAttribute('download')).toMatch(/^moodtab-journal-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(jsonLink!.getAttribute('download')).toMatch(/^moodtab-journal-\d{4}-\d{2}-\d{2}\.json$/);
    const csv = await blobText(blobs.get(csvLink!.getAttribute('href')!)!);
    expect(csv.split('\r\n')).toEqual([
      'time,mood,source,calm,angry,sad,happy,surprised,media,provider,query,feedback',
      `${entries[0]!.time},happy,camera,0.1,0,0.05,0.8,0.05,music,spotify,happy hits,`,
      `${entries[1]!.time},calm,camera,0.1,0,0.05,0.8,0.05,music,spotify,"chill, acoustic",`,
      '',
    ]);
    expect(JSON.parse(await blobText(blobs.get(jsonLink!.getAttribute('href')!)!)).entries).toEqual(entries);
  });

  it('imports a JSON export: adds what is new, says what it skipped', async () => {
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, ...journalItems([entry('a', 3)]) });
    await pickFile(journalToJson([entry('a', 3), entry('b', 1), entry('c', 2)], new Date()));
    expect(storedEntries().map((e) => e.id)).toEqual(['a', 'c', 'b']);
    expect(statusIn('data')).toBe(
      'Imported. New entries: 2. Already in the journal: 1. Older than you keep entries: 0.',
    );
  });

  it('refuses a bad or foreign file with a clear message, and changes nothing', async () => {
    const before = [entry('a', 3)];
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, ...journalItems(before) });
    await pickFile('{"settings": {"theme": "dark"}}');
    expect(statusIn('data')).toBe('This file is not a Moodtab journal file. Nothing was changed.');
    expect($('#data [role=status]')!.classList.contains('error')).toBe(true);
    await pickFile(journalToJson([entry('b', 1), { ...entry('c', 1), mood: 'grumpy' as never }], new Date()));
    expect(statusIn('data')).toBe(
      'Entry 2 in this file is not valid (its “mood” field). Nothing was changed.',
    );
    await pickFile('mood,time\nhappy,today', 'journal.csv');
    expect(statusIn('data')).toBe(
      'This file is not JSON, so it cannot be a Moodtab journal file. Nothing was changed.',
    );
    expect(storedEntries()).toEqual(before);
  });

  it('imports nothing when the storage has no room, and keeps what is there', async () => {
    const before = [entry('a', 3)];
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, ...journalItems(before) });
    jest
      .spyOn(api.storageArea, 'saveAll')
      .mockRejectedValueOnce(new Error('Resource::kQuotaBytes quota exceeded'));
    await pickFile(journalToJson([entry('b', 1)], new Date()));
    expect(statusIn('data')).toMatch(/^The journal has no room for these entries, so nothing was imported\./);
    expect(storedEntries()).toEqual(before);
  });

  it('deletes everything only after a confirmation', async () => {
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, ...journalItems([entry('a', 3), entry('b', 1)]) });
    await act(() => buttonNamed('Delete everything').click());
    expect($('#delete-question')!.textContent).toMatch(
      /^Delete the whole mood journal from this device \(entries: 2\)\?/,
    );
    expect(document.activeElement!.textContent).toBe('Cancel'); // the safe choice has the focus
    await act(() => buttonNamed('Cancel').click());
    expect($('#delete-question')).toBeNull();
    expect(storedEntries()).toHaveLength(2);

    await act(() => buttonNamed('Delete everything').click());
    await act(() => buttonNamed('Yes, delete everything').click());
    await settle();
    expect(storedEntries()).toEqual([]);
    expect(statusIn('data')).toBe('The mood journal is empty.');
    expect($('#moods .empty')).not.toBeNull();
    expect(stored.get(JOURNAL_PREFS_KEY)).toEqual(ON); // the settings stay
  });

  it('speaks German and Spanish', async () => {
    useLanguage('de');
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, ...journalItems([entry('a', 0)]) });
    expect($$('main h2').map((h) => h.textContent)).toEqual([
      'Deine Stimmungen',
      'Was Moodtab öffnet',
      'Vorschläge',
      'Stimmungstagebuch',
      'Deine Daten',
    ]);
    expect($('table.entries tbody td')!.textContent!.trim()).toBe('Fröhlich');
    useLanguage('es');
    await openOptions({ [JOURNAL_PREFS_KEY]: ON, ...journalItems([entry('a', 0)]) });
    expect(buttonNamed('Borrar todo')).toBeDefined();
    expect($('#mood-share figcaption')!.textContent).toBe(
      'Proporción de cada estado de ánimo, últimos 7 días',
    );
  });
});

describe('recommendations section', () => {
  const within = (section: string) => $(`section.${section}`)!;
  const buttonIn = (section: string, name: string) =>
    [...within(section).querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
  const statusOf = (section: string) => within(section).querySelector('.status')!.textContent;

  async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
    await act(() => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
  async function click(element: HTMLElement) {
    await act(() => element.click());
    await settle();
  }

  async function mount() {
    root = document.createElement('div');
    document.body.replaceChildren(root);
    await act(() => render(<RecommendationsSection />, root));
    await settle();
  }

  /** The section alone, on storage.local holding `items` only. */
  async function openSection(items: Record<string, unknown> = {}) {
    resetFakes(items);
    await mount();
  }

  /**
   * What an earlier version stored (counts[camera][ended]): calm read but sad meant three times,
   * plus kept readings. Read as examples, they lean to sad and away from calm.
   */
  function correctedCounts() {
    const none = { calm: 0, angry: 0, sad: 0, happy: 0, surprised: 0 };
    return {
      calm: { ...none, calm: 22, sad: 3 },
      sad: { ...none, sad: 15 },
      angry: none,
      happy: none,
      surprised: none,
    };
  }

  describe('query lists', () => {
    it('shows the lists of one media and strategy, one query per line', async () => {
      await openSection();
      const sad = $<HTMLTextAreaElement>('textarea[name=queries-sad]')!;
      expect(sad.value).toBe(CATALOGUE.queries.music.match.sad.join('\n'));
      await choose($<HTMLSelectElement>('select[name=lists-media]')!, 'movies');
      await choose($<HTMLSelectElement>('select[name=lists-strategy]')!, 'lift');
      expect($<HTMLTextAreaElement>('textarea[name=queries-sad]')!.value).toBe(
        CATALOGUE.queries.movies.lift.sad.join('\n'),
      );
    });

    it('saves edited lists, keeping only what differs from the built-in ones', async () => {
      await openSection();
      await type($<HTMLTextAreaElement>('textarea[name=queries-sad]')!, 'delta blues\n\n  sad songs  ');
      await click(buttonIn('query-lists', 'Save these lists'));
      expect(api.saveStored).toHaveBeenCalledWith(MAPPING_KEY, {
        providers: {},
        queries: { music: { match: { sad: ['delta blues', 'sad songs'] } } },
      });
      expect(statusOf('query-lists')).toBe('Saved.');
      await click(buttonIn('query-lists', 'Restore the built-in lists'));
      expect(stored.get(MAPPING_KEY)).toEqual(EMPTY_MAPPING);
      expect($<HTMLTextAreaElement>('textarea[name=queries-sad]')!.value).toBe(
        CATALOGUE.queries.music.match.sad.join('\n'),
      );
    });

    it('saves nothing while a list is wrong, and says which and why', async () => {
      await openSection();
      await type($<HTMLTextAreaElement>('textarea[name=queries-calm]')!, '\n  \n');
      await type($<HTMLTextAreaElement>('textarea[name=queries-happy]')!, 'funny\nFunny');
      await click(buttonIn('query-lists', 'Save these lists'));
      expect(api.saveStored).not.toHaveBeenCalled();
      expect(statusOf('query-lists')).toBe('Nothing was saved: fix the lists marked below.');
      expect($('#queries-calm-problem')!.textContent).toBe('The list needs at least one search.');
      expect($('#queries-happy-problem')!.textContent).toBe('The list has the same search twice.');
      expect($('textarea[name=queries-calm]')!.getAttribute('aria-invalid')).toBe('true');
      expect($('#queries-sad-problem')).toBeNull();
    });
  });

  describe('custom providers', () => {
    it('checks the URL as it is typed and shows a live example link once it is valid', async () => {
      await openSection();
      await type($<HTMLInputElement>('input[name=provider-name]')!, 'Radio');
      await type($<HTMLInputElement>('input[name=provider-url]')!, 'http://radio.example/?q={query}');
      expect($('#provider-url-problem')!.textContent).toBe('The address must start with https://.');
      expect($('#provider-url-example')).toBeNull();
      await type($<HTMLInputElement>('input[name=provider-url]')!, 'https://radio.example/?q={query}');
      expect($('#provider-url-problem')).toBeNull();
      const example = $<HTMLAnchorElement>('#provider-url-example a')!;
      expect(example.href).toBe('https://radio.example/?q=happy%20hits');
      expect(example.rel).toBe('noreferrer');
    });

    it('adds a valid provider, lists it, and removes it', async () => {
      await openSection();
      await type($<HTMLInputElement>('input[name=provider-name]')!, 'My cinema');
      await choose($<HTMLSelectElement>('select[name=provider-media]')!, 'movies');
      await type($<HTMLInputElement>('input[name=provider-url]')!, 'https://cinema.example/search/{query}');
      await click(buttonIn('custom-providers', 'Add provider'));
      expect(stored.get(MAPPING_KEY)).toEqual({
        providers: {
          'custom-my-cinema': {
            name: 'My cinema',
            media: 'movies',
            url: 'https://cinema.example/search/{query}',
          },
        },
        queries: {},
      });
      expect(statusOf('custom-providers')).toBe('My cinema added.');
      expect(within('custom-providers').querySelector('li')!.textContent).toContain('My cinema (Movies)');
      expect($<HTMLInputElement>('input[name=provider-name]')!.value).toBe('');

      await click(within('custom-providers').querySelector<HTMLButtonElement>('li button')!);
      expect(stored.get(MAPPING_KEY)).toEqual(EMPTY_MAPPING);
    });

    it('refuses to add a provider with problems, saying what they are', async () => {
      await openSection();
      await click(buttonIn('custom-providers', 'Add provider'));
      expect(api.saveStored).not.toHaveBeenCalled();
      expect($('#provider-name-problem')!.textContent).toBe('Give the provider a name.');
      expect($('#provider-url-problem')!.textContent).toContain('must start with https://');
    });
  });

  describe('mapping packs', () => {
    const mapping = withQueries(
      withCustomProvider(EMPTY_MAPPING, {
        name: 'Radio',
        media: 'music',
        url: 'https://radio.example/?q={query}',
      }),
      'music',
      'lift',
      'sad',
      ['motown classics'],
    );

    async function importFile(content: string, size = content.length) {
      const input = $<HTMLInputElement>('input[name=mapping-pack]')!;
      const file = { size, text: jest.fn(async () => content) };
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(() => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await settle();
    }

    it('exports the whole mapping as a JSON file', async () => {
      const blobs: Blob[] = [];
      const { createObjectURL, revokeObjectURL } = URL;
      URL.createObjectURL = jest.fn((blob: Blob) => (blobs.push(blob), 'blob:pack'));
      URL.revokeObjectURL = jest.fn();
      const links: string[][] = [];
      const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        links.push([this.href, this.download]);
      });
      await openSection({ [MAPPING_KEY]: mapping });
      await click(buttonIn('mapping-pack', 'Export mapping pack'));
      expect(links).toEqual([['blob:pack', 'moodtab-mapping.json']]);
      expect(JSON.parse(await blobText(blobs[0]!))).toEqual(exportPack(mapping));
      clicked.mockRestore();
      Object.assign(URL, { createObjectURL, revokeObjectURL });
    });

    it('imports a valid pack and says what it brought', async () => {
      await openSection();
      await importFile(JSON.stringify(exportPack(mapping)));
      expect(stored.get(MAPPING_KEY)).toEqual(mapping);
      expect(statusOf('mapping-pack')).toBe(
        'Imported. Your own providers: 1. Lists that differ from the built-in ones: 1.',
      );
    });

    it('a bad file changes nothing and says why', async () => {
      await openSection({ [MAPPING_KEY]: mapping });
      const pack: ReturnType<typeof exportPack> = JSON.parse(JSON.stringify(exportPack(mapping)));
      pack.providers['custom-radio']!.url = 'http://radio.example/?q={query}';
      await importFile(JSON.stringify(pack));
      expect(api.saveStored).not.toHaveBeenCalled();
      expect(stored.get(MAPPING_KEY)).toEqual(mapping);
      expect(statusOf('mapping-pack')).toContain('Nothing changed. This file cannot be imported:');
      expect(within('mapping-pack').querySelector('.problems li')!.textContent).toBe(
        'providers.custom-radio.url: The address must start with https://.',
      );
      await importFile('not json at all');
      expect(statusOf('mapping-pack')).toContain('The file is not JSON.');
      expect(api.saveStored).not.toHaveBeenCalled();
    });

    it('refuses a file over 256 KB without reading it', async () => {
      await openSection({ [MAPPING_KEY]: mapping });
      const input = $<HTMLInputElement>('input[name=mapping-pack]')!;
      const text = jest.fn(async () => JSON.stringify(exportPack(mapping)));
      Object.defineProperty(input, 'files', { value: [{ size: 300 * 1024, text }], configurable: true });
      await act(() => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await settle();
      expect(text).not.toHaveBeenCalled();
      expect(within('mapping-pack').querySelector('.problems li')!.textContent).toBe(
        'The file is larger than 256 KB.',
      );
      expect(api.saveStored).not.toHaveBeenCalled();
    });
  });

  describe('what Moodtab learned', () => {
    it('explains the personal adjustment ("sad +12%") and resets it', async () => {
      await openSection({ [CALIBRATION_KEY]: correctedCounts() });
      expect(within('personal-calibration').querySelector('.adjustment')!.textContent).toBe(
        'Adjusted to you: sad +35%, calm −14%, angry −5%, happy −5%, surprised −5%.',
      );
      expect(within('personal-calibration').textContent).toContain('Moods counted: 40 ');
      await click(buttonIn('personal-calibration', 'Reset the adjustment'));
      expect(api.removeStored).toHaveBeenCalledWith(CALIBRATION_KEY);
      expect(within('personal-calibration').textContent).toContain('Not adjusted yet.');
      expect(buttonIn('personal-calibration', 'Reset the adjustment').disabled).toBe(true);
    });

    it('counts the ratings the bandit learned from, and forgets them on reset', async () => {
      const context = contextKey('sad', 'music', 'match');
      let state = withVerdict({}, context, armKey('spotify', 'sad songs'), 'good-pick');
      state = withVerdict(state, context, armKey('spotify', 'heartbreak ballads'), 'not-for-me');
      state = withVerdict(state, context, armKey('spotify', 'melancholy indie'), 'not-for-me');
      await openSection({ [BANDIT_KEY]: state });
      expect(within('learned-picks').textContent).toContain('Ratings so far: “Good pick” 1, “Not for me” 2.');
      await click(buttonIn('learned-picks', 'Forget my ratings'));
      expect(api.removeStored).toHaveBeenCalledWith(BANDIT_KEY);
      expect(stored.has(BANDIT_KEY)).toBe(false);
      expect(within('learned-picks').textContent).toContain('No ratings yet.');
    });
  });

  describe('song previews opt-in', () => {
    const box = () => $<HTMLInputElement>('input[name=deezer-previews]')!;

    it('is off without the host permission, and asks for it in the click itself', async () => {
      let granted = false;
      resetFakes();
      api.hasHostPermission.mockImplementation(async () => granted);
      api.requestHostPermission.mockImplementation(async () => (granted = true));
      await mount();
      expect(box().checked).toBe(false);
      await act(() => box().click());
      // Called synchronously in the click handler (Firefox accepts the request only there).
      expect(api.requestHostPermission).toHaveBeenCalledWith(['https://api.deezer.com/*']);
      await settle();
      expect(box().checked).toBe(true);

      api.removeHostPermission.mockImplementation(async () => !(granted = false));
      await click(box());
      expect(api.removeHostPermission).toHaveBeenCalledWith(['https://api.deezer.com/*']);
      expect(box().checked).toBe(false);
    });

    it('stays off, and says so, when the browser does not grant it', async () => {
      resetFakes();
      api.requestHostPermission.mockResolvedValue(false);
      await mount();
      await click(box());
      expect(box().checked).toBe(false);
      expect(statusOf('previews-opt-in')).toBe('Your browser did not grant access, so previews stay off.');
    });
  });

  it('speaks German and Spanish, problems included', async () => {
    useLanguage('de');
    await openSection();
    expect(within('query-lists').querySelector('h3')!.textContent).toBe('Suchen pro Stimmung');
    await type($<HTMLInputElement>('input[name=provider-url]')!, 'http://radio.example/?q={query}');
    expect($('#provider-url-problem')!.textContent).toBe('Die Adresse muss mit https:// beginnen.');
    useLanguage('es');
    await openSection();
    expect(buttonIn('learned-picks', 'Olvidar mis valoraciones')).toBeDefined();
  });
});
