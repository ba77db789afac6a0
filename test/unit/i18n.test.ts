/**
 * Every key in every locale, placeholders that match, every key used, and no user-visible text
 * written into the pages' code or HTML instead of _locales.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import manifest from '../../manifest.json';
import { formatMessage, LOCALES, type MessageCatalogue } from '../../src/common/i18n';
import { findHardCodedStrings, findHtmlText } from './helpers/hardCodedStrings';

const ROOT = join(__dirname, '..', '..');
const catalogue = (locale: string): MessageCatalogue =>
  JSON.parse(readFileSync(join(ROOT, '_locales', locale, 'messages.json'), 'utf8'));
const english = catalogue('en');
const KEYS = Object.keys(english);

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, pattern) : pattern.test(name) ? [full] : [];
  });
}

/** The contexts that show or say anything to a user, and the shared modules they take text from. */
const UI_DIRS = [
  'src/popup',
  'src/options',
  'src/welcome',
  'src/ui',
  'src/background',
  'src/offscreen',
  'src/web',
];
const UI_SOURCES = [
  ...UI_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir), /\.tsx?$/)),
  join(ROOT, 'src/common/errors.ts'),
  join(ROOT, 'src/journal/journalFile.ts'),
  join(ROOT, 'src/common/labels.ts'),
  // The mapping editor's checks: their problems are message keys, worded by the page.
  join(ROOT, 'src/recommendation/catalogue.ts'),
  join(ROOT, 'src/recommendation/mapping.ts'),
  // The mood-patterns report: its findings are message keys, worded by the pages.
  ...filesUnder(join(ROOT, 'src/journal/patterns'), /\.ts$/),
];
const ALL_SOURCES = filesUnder(join(ROOT, 'src'), /\.tsx?$/);

/** $1.. a message uses, through its named placeholders. */
function positions(entry: MessageCatalogue[string]): string[] {
  const named = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map(([, name]) => name!.toLowerCase());
  return named.map((name) => entry.placeholders?.[name]?.content ?? `missing:${name}`).sort();
}

describe('locales', () => {
  it.each(LOCALES.map((locale) => [locale]))(
    '%s has exactly the English keys, each with the same placeholders',
    (locale) => {
      const messages = catalogue(locale);
      expect(Object.keys(messages).sort()).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        const entry = messages[key]!;
        expect({ key, empty: !entry.message.trim() }).toEqual({ key, empty: false });
        expect({ key, positions: positions(entry) }).toEqual({ key, positions: positions(english[key]!) });
      }
    },
  );

  it('has keys the browser accepts: letters, digits and _ only, unique without regard to case', () => {
    for (const key of KEYS) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(new Set(KEYS.map((key) => key.toLowerCase())).size).toBe(KEYS.length);
  });

  it('describes every English message for translators', () => {
    expect(KEYS.filter((key) => !english[key]!.description)).toEqual([]);
  });

  it('is translated, not copied: German and Spanish differ from English but for names and formats', () => {
    const SAME_EVERYWHERE = [
      'extName',
      'badge_failed',
      'result_link',
      'stage_withCount',
      'chart_segmentTitle',
      'chart_moodCount',
      'chart_dayTitle',
      'chart_total',
    ];
    for (const locale of ['de', 'es']) {
      const messages = catalogue(locale);
      const copied = KEYS.filter(
        (key) => !SAME_EVERYWHERE.includes(key) && messages[key]!.message === english[key]!.message,
      );
      expect({ locale, copied }).toEqual({ locale, copied: [] });
    }
  });

  it('uses every key: in the code, or in the manifest as __MSG_key__', () => {
    const code = ALL_SOURCES.map((file) => readFileSync(file, 'utf8')).join('\n') + JSON.stringify(manifest);
    const unused = KEYS.filter((key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });

  it('names the extension in the manifest only through _locales', () => {
    expect(manifest.default_locale).toBe('en');
    const visible = [
      manifest.name,
      manifest.description,
      manifest.action.default_title,
      manifest.commands['capture-mood'].description,
    ];
    for (const text of visible) expect(text).toMatch(/^__MSG_\w+__$/);
  });

  it('fills placeholders as the browser does', () => {
    expect(formatMessage(english, 'popup_youLookHappy', ['Spotify'])).toBe('You look happy. Opened Spotify.');
    expect(formatMessage(english, 'entries_count', ['50', '120'])).toBe('Entries shown: 50 of 120.');
    expect(formatMessage(catalogue('de'), 'percent', ['80'])).toBe('80\u00a0%');
    expect(formatMessage(english, 'no_such_key')).toBe('');
    expect(formatMessage({ price: { message: 'Costs $$5 or $1' } }, 'price', ['six'])).toBe(
      'Costs $5 or six',
    );
  });

  it('calls t() with as many values as the message has placeholders', () => {
    const calls: string[] = [];
    let checked = 0;
    for (const file of UI_SOURCES) {
      const source = readFileSync(file, 'utf8');
      // t('key') or t('key', a, b): count the top-level commas of the arguments.
      for (const match of source.matchAll(/\bt\('(\w+)'((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)/g)) {
        const [, key, rest] = match;
        const given = rest!.trim() ? rest!.split(/,(?![^(]*\))/).filter((part) => part.trim()).length : 0;
        const wanted = Object.keys(english[key!]?.placeholders ?? {}).length;
        checked += 1;
        if (given !== wanted)
          calls.push(`${relative(ROOT, file)}: t('${key}') with ${given}, wants ${wanted}`);
      }
    }
    expect(calls).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});

describe('no hard-coded UI strings', () => {
  it('finds none in the pages, the background or the error messages', () => {
    const found = UI_SOURCES.flatMap((file) =>
      findHardCodedStrings(file, readFileSync(file, 'utf8')).map(
        ({ line, text }) => `${relative(ROOT, file)}:${line} ${text}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('finds no words in the HTML pages (titles included: the scripts set them)', () => {
    const pages = filesUnder(join(ROOT, 'src'), /\.html$/);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) {
      expect({ page: relative(ROOT, page), text: findHtmlText(readFileSync(page, 'utf8')) }).toEqual({
        page: relative(ROOT, page),
        text: [],
      });
    }
  });

  it('would catch one (the scan is not blind)', () => {
    const source = `
      import { t } from '../platform/i18n'; // ok
      export const A = () => <p>Capture mood</p>;
      export const B = () => <img alt="A face" class="face crop" />;
      export const C = () => <button aria-label={'Open options'}>{t('popup_capture')}</button>;
      export const message = 'Something went wrong inside Moodtab.';
      export const status = \`Loading the model \${1}%\`;
      export const fine = ['popup_capture', 'settings', 'chrome://settings/content/camera', 'a-b c-d'];
      throw new Error('no camera found at all');
      const reason = 'Takes one snapshot'; // i18n-exempt: read by Chrome only
    `;
    expect(findHardCodedStrings('sample.tsx', source).map(({ text }) => text)).toEqual([
      'Capture mood',
      'A face',
      'Open options',
      'Something went wrong inside Moodtab.',
      'Loading the model',
    ]);
    expect(
      findHtmlText('<title>Moodtab</title><body><p>\n  Hello there</p><script>x()</script></body>'),
    ).toEqual(['Moodtab', 'Hello there']);
  });
});
