/** @jest-environment jsdom */
/** The options page's recommendations section in jsdom, with the platform seam (browserApi) mocked. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import * as browserApi from '../../src/platform/browserApi';
import { RecommendationsSection } from '../../src/options/sections/recommendations';
import { armKey, BANDIT_KEY, contextKey, withVerdict } from '../../src/shared/bandit';
import { CATALOGUE } from '../../src/shared/catalogue';
import {
  EMPTY_MAPPING,
  exportPack,
  MAPPING_KEY,
  withCustomProvider,
  withQueries,
} from '../../src/shared/mapping';
import {
  CALIBRATION_KEY,
  emptyCounts,
  withOutcome,
  type OutcomeCounts,
} from '../../src/shared/personalCalibration';

jest.mock('../../src/platform/browserApi', () => ({
  loadStored: jest.fn(),
  saveStored: jest.fn(),
  removeStored: jest.fn(),
  onStoredChange: jest.fn(() => () => undefined),
  hasHostPermission: jest.fn(),
  requestHostPermission: jest.fn(),
  removeHostPermission: jest.fn(),
}));
const api = jest.mocked(browserApi);

let stored: Record<string, unknown>;
let root: HTMLElement;
const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector);
const within = (section: string) => $(`section.${section}`)!;
const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));
const buttonNamed = (section: string, name: string) =>
  [...within(section).querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
const statusOf = (section: string) => within(section).querySelector('.status')!.textContent;

async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function choose(select: HTMLSelectElement, value: string) {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
async function click(element: HTMLElement) {
  await act(() => element.click());
  await settle();
}

async function openSection() {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => render(<RecommendationsSection />, root));
  await settle();
}

/** calm read but sad meant three times, plus kept readings: sad +12%, calm −9%. */
function correctedCounts(): OutcomeCounts {
  let counts = emptyCounts();
  for (let i = 0; i < 15; i++) counts = withOutcome(counts, 'sad', 'sad');
  for (let i = 0; i < 22; i++) counts = withOutcome(counts, 'calm', 'calm');
  for (let i = 0; i < 3; i++) counts = withOutcome(counts, 'calm', 'sad');
  return counts;
}

beforeEach(() => {
  jest.clearAllMocks();
  stored = {};
  api.loadStored.mockImplementation(async (key) => stored[key]);
  api.saveStored.mockImplementation(async (key, value) => void (stored[key] = value));
  api.removeStored.mockImplementation(async (key) => void delete stored[key]);
  api.hasHostPermission.mockResolvedValue(false);
});

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
    await click(buttonNamed('query-lists', 'Save these lists'));
    expect(api.saveStored).toHaveBeenCalledWith(MAPPING_KEY, {
      providers: {},
      queries: { music: { match: { sad: ['delta blues', 'sad songs'] } } },
    });
    expect(statusOf('query-lists')).toBe('Saved.');
    await click(buttonNamed('query-lists', 'Restore the built-in lists'));
    expect(stored[MAPPING_KEY]).toEqual(EMPTY_MAPPING);
    expect($<HTMLTextAreaElement>('textarea[name=queries-sad]')!.value).toBe(
      CATALOGUE.queries.music.match.sad.join('\n'),
    );
  });

  it('saves nothing while a list is wrong, and says which and why', async () => {
    await openSection();
    await type($<HTMLTextAreaElement>('textarea[name=queries-calm]')!, '\n  \n');
    await type($<HTMLTextAreaElement>('textarea[name=queries-happy]')!, 'funny\nFunny');
    await click(buttonNamed('query-lists', 'Save these lists'));
    expect(api.saveStored).not.toHaveBeenCalled();
    expect(statusOf('query-lists')).toBe('Nothing was saved: fix the lists marked below.');
    expect($('#queries-calm-problem')!.textContent).toBe('This list needs at least one query.');
    expect($('#queries-happy-problem')!.textContent).toBe('This list lists a query twice.');
    expect($('textarea[name=queries-calm]')!.getAttribute('aria-invalid')).toBe('true');
    expect($('#queries-sad-problem')).toBeNull();
  });
});

describe('custom providers', () => {
  it('checks the URL as it is typed and shows a live example link once it is valid', async () => {
    await openSection();
    await type($<HTMLInputElement>('input[name=provider-name]')!, 'Radio');
    await type($<HTMLInputElement>('input[name=provider-url]')!, 'http://radio.example/?q={query}');
    expect($('#provider-url-problem')!.textContent).toBe('The URL must start with https://.');
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
    await click(buttonNamed('custom-providers', 'Add provider'));
    expect(stored[MAPPING_KEY]).toEqual({
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
    expect(stored[MAPPING_KEY]).toEqual(EMPTY_MAPPING);
  });

  it('refuses to add a provider with problems, saying what they are', async () => {
    await openSection();
    await click(buttonNamed('custom-providers', 'Add provider'));
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

  async function importFile(content: string) {
    const input = $<HTMLInputElement>('input[name=mapping-pack]')!;
    Object.defineProperty(input, 'files', { value: [{ text: async () => content }], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
  }

  it('exports the whole mapping as a JSON file', async () => {
    stored[MAPPING_KEY] = mapping;
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => (blobs.push(blob), 'blob:pack'));
    URL.revokeObjectURL = jest.fn();
    const links: string[][] = [];
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      links.push([this.href, this.download]);
    });
    await openSection();
    await click(buttonNamed('mapping-pack', 'Export mapping pack'));
    expect(links).toEqual([['blob:pack', 'moodtab-mapping.json']]);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blobs[0]!);
    });
    expect(JSON.parse(text)).toEqual(exportPack(mapping));
    clicked.mockRestore();
  });

  it('imports a valid pack and says what it brought', async () => {
    await openSection();
    await importFile(JSON.stringify(exportPack(mapping)));
    expect(stored[MAPPING_KEY]).toEqual(mapping);
    expect(statusOf('mapping-pack')).toBe(
      'Imported: 1 provider of your own, 1 list that differ from the built-in ones.',
    );
  });

  it('a bad file changes nothing and says why', async () => {
    stored[MAPPING_KEY] = mapping;
    await openSection();
    const pack = exportPack(mapping);
    pack.providers['custom-radio']!.url = 'http://radio.example/?q={query}';
    await importFile(JSON.stringify(pack));
    expect(api.saveStored).not.toHaveBeenCalled();
    expect(stored[MAPPING_KEY]).toBe(mapping);
    expect(statusOf('mapping-pack')).toContain('Nothing changed. This file cannot be imported:');
    expect(statusOf('mapping-pack')).toContain('providers.custom-radio.url: must start with https://');
    await importFile('not json at all');
    expect(statusOf('mapping-pack')).toContain('the file is not JSON');
    expect(api.saveStored).not.toHaveBeenCalled();
  });
});

describe('what Moodtab learned', () => {
  it('explains the personal adjustment ("sad +12%") and resets it', async () => {
    stored[CALIBRATION_KEY] = correctedCounts();
    await openSection();
    expect(within('personal-calibration').querySelector('.adjustment')!.textContent).toBe(
      'Adjusted to you: sad +12%, calm −9%.',
    );
    expect(within('personal-calibration').textContent).toContain('From 40 captures');
    await click(buttonNamed('personal-calibration', 'Reset the adjustment'));
    expect(api.removeStored).toHaveBeenCalledWith(CALIBRATION_KEY);
    expect(within('personal-calibration').textContent).toContain('Not adjusted yet.');
    expect(buttonNamed('personal-calibration', 'Reset the adjustment').disabled).toBe(true);
  });

  it('counts the ratings the bandit learned from, and forgets them on reset', async () => {
    const context = contextKey('sad', 'music', 'match');
    let state = withVerdict({}, context, armKey('spotify', 'sad songs'), 'good');
    state = withVerdict(state, context, armKey('spotify', 'heartbreak ballads'), 'not-for-me');
    state = withVerdict(state, context, armKey('spotify', 'melancholy indie'), 'not-for-me');
    stored[BANDIT_KEY] = state;
    await openSection();
    expect(within('learned-picks').textContent).toContain('1 good pick and 2 "not for me" so far');
    await click(buttonNamed('learned-picks', 'Forget my ratings'));
    expect(api.removeStored).toHaveBeenCalledWith(BANDIT_KEY);
    expect(stored[BANDIT_KEY]).toBeUndefined();
    expect(within('learned-picks').textContent).toContain('No ratings yet.');
  });
});

describe('song previews opt-in', () => {
  const box = () => $<HTMLInputElement>('input[name=deezer-previews]')!;

  it('is off without the host permission, and asks for it in the click itself', async () => {
    let granted = false;
    api.hasHostPermission.mockImplementation(async () => granted);
    api.requestHostPermission.mockImplementation(async () => (granted = true));
    await openSection();
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
    api.requestHostPermission.mockResolvedValue(false);
    await openSection();
    await click(box());
    expect(box().checked).toBe(false);
    expect(statusOf('previews-opt-in')).toBe('Your browser did not grant access, so previews stay off.');
  });
});
