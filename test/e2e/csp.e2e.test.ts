/**
 * The content security policy of the built extension (dist/chrome, dist/firefox, `npm run build`):
 * nothing loads unless a directive allows it (default-src 'none'), and each directive allows only
 * what a page needs: the bundled scripts and tfjs's wasm, the bundled styles, the model and wasm
 * files plus Deezer's search API (the opt-in previews), Deezer's audio CDN, and on Firefox the
 * popup's own capture page in a frame. No eval, no inline code, no remote code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/node/modelPaths';

const COMMON = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'connect-src': ["'self'", 'https://api.deezer.com'],
  'media-src': ['https://*.dzcdn.net'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};
const EXPECTED: Record<string, Record<string, string[]>> = {
  chrome: COMMON,
  // Firefox's popup embeds the capture page (offscreen.html) in a frame.
  firefox: { ...COMMON, 'frame-src': ["'self'"] },
};

/** The built manifest's extension-pages policy, directive by directive. */
function builtPolicy(browser: string): Record<string, string[]> {
  const file = join(ROOT, 'dist', browser, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  const policy: string = JSON.parse(readFileSync(file, 'utf8')).content_security_policy.extension_pages;
  return Object.fromEntries(
    policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe.each(Object.keys(EXPECTED))('the CSP of the built %s extension', (browser) => {
  it('allows nothing by default and only what each page needs', () => {
    expect(builtPolicy(browser)).toEqual(EXPECTED[browser]);
  });

  it('has no eval, no inline code, no plain http and no wildcard source', () => {
    const sources = Object.values(builtPolicy(browser)).flat();
    for (const bad of [
      "'unsafe-eval'",
      "'unsafe-inline'",
      "'unsafe-hashes'",
      '*',
      'http:',
      'https:',
      'data:',
      'blob:',
    ])
      expect(sources).not.toContain(bad);
    expect(sources.filter((source) => source.startsWith('http://'))).toEqual([]);
  });
});
