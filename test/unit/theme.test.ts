/**
 * The colours of both themes meet WCAG 2.2 AA: text 4.5:1 against what it sits on, and 3:1 for
 * what is not text but must be seen (the focus ring, borders, chart colours). The pages use only
 * the theme's variables, so both themes cover everything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const THEME = read('src/ui/theme.css');
const PAGE_STYLES = [
  'src/popup/popup.css',
  'src/options/options.css',
  'src/ui/journal.css',
  'src/welcome/welcome.css',
];

function variables(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map(([, name, hex]) => [name!, hex!]),
  );
}

const dark = /@media \(prefers-color-scheme: dark\) \{\s*:root \{([^}]*)\}/.exec(THEME)![1]!;
const light = /:root \{([^}]*)\}/.exec(THEME)![1]!;
const THEMES = { light: variables(light), dark: { ...variables(light), ...variables(dark) } };

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const MOODS = ['mood-calm', 'mood-angry', 'mood-sad', 'mood-happy', 'mood-surprised'];
/** [foreground, background, minimum]: every pairing the pages draw. */
const PAIRS: [string, string, number][] = [
  ...['bg', 'surface'].flatMap((back): [string, string, number][] => [
    ['ink', back, 4.5],
    ['muted', back, 4.5],
    ['accent', back, 4.5], // links, headings, secondary buttons' text
    ['error', back, 4.5],
    ['focus', back, 3], // the ring sits 2px off the element, on the page or panel colour
    ['border', back, 3],
  ]),
  ['accent-ink', 'accent', 4.5], // primary buttons, the countdown banner
  ['danger-ink', 'error', 4.5], // "Delete everything"
  ['on-picture', 'picture-shade', 3], // the face oval over the countdown's camera picture
  ...MOODS.flatMap((mood): [string, string, number][] => [
    [mood, 'bg', 3],
    [mood, 'surface', 3], // the popup's bars and mood dots on its result card
    [mood, 'track', 3], // share bars on their track
    ['mood-ink', mood, 4.5], // a pressed mood button's label
  ]),
];

describe.each(Object.entries(THEMES))('the %s theme', (_name, colours) => {
  it.each(PAIRS)('%s on %s: at least %s:1', (fore, back, minimum) => {
    expect(colours[fore]).toMatch(/^#/);
    expect(colours[back]).toMatch(/^#/);
    expect(contrast(colours[fore]!, colours[back]!)).toBeGreaterThanOrEqual(minimum);
  });
});

describe('theme use', () => {
  it('the contrast formula gives the known figures', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffb300', '#ffffff')).toBeCloseTo(1.79, 2); // the old amber ring
  });

  it('the pages name no colours of their own, so dark mode reaches everything', () => {
    for (const path of PAGE_STYLES) {
      expect({
        path,
        colours: read(path).match(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|[:\s](white|black)\s*;/gi),
      }).toEqual({
        path,
        colours: null,
      });
    }
  });

  it('keeps a visible focus ring: 3px in the focus colour, never removed', () => {
    expect(THEME).toMatch(/:focus-visible \{\s*outline: 3px solid var\(--focus\);/);
    for (const path of [...PAGE_STYLES, 'src/ui/theme.css'])
      expect(read(path)).not.toMatch(/outline:\s*(none|0)/);
  });

  it("sizes text on body, in rem: Chrome's `body { font-size: 75% }` for extension pages is overruled", () => {
    expect(THEME).toMatch(/\nbody \{[^}]*font-size: var\(--text-body\);/);
    for (const [, name, size] of THEME.matchAll(/--(text-[\w-]+): ([^;]+);/g))
      expect({ name, size }).toEqual({
        name,
        size: expect.stringMatching(/^(\d*\.?\d+rem|var\(--text-\w+\))/),
      });
    for (const path of PAGE_STYLES)
      expect({ path, px: read(path).match(/font-size:\s*\d+px/g) }).toEqual({ path, px: null });
  });

  it('every page loads the theme first', () => {
    for (const page of ['src/popup/popup.html', 'src/options/options.html', 'src/welcome/welcome.html']) {
      expect(read(page)).toMatch(
        /<link rel="stylesheet" href="theme\.css" \/>\s*<link rel="stylesheet" href="\w+\.css" \/>/,
      );
    }
  });
});
