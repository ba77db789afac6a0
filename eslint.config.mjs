// Lint rules keep the folders of src/ apart: every folder is a zone, and each lists what it may
// import; anything else in SOURCES is off limits, so a new folder is walled off from everywhere
// until a row says otherwise. The domains import one way only, from the ground up:
//   common → model → recommendation → journal → storage, protocol → platform → contexts
// (common: records, i18n, errors, labels; model: the model contract). Why it matters: tfjs in the
// popup or the service worker bloats them and runs ML in the wrong place; preact outside the pages
// likewise; code outside src/platform that touches browser APIs cannot be tested with the platform
// seam mocked; and a domain importing upwards ties the folders into a knot.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** What an import may resolve to, by name: the folders under src/ and the heavy or global libraries. */
export const SOURCES = {
  common: ['src/common'],
  model: ['src/model'],
  recommendation: ['src/recommendation'],
  journal: ['src/journal'],
  protocol: ['src/protocol'],
  storage: ['src/storage'],
  platform: ['src/platform'],
  recognition: ['src/recognition'],
  capture: ['src/capture'],
  background: ['src/background'],
  offscreen: ['src/offscreen'],
  popup: ['src/popup'],
  options: ['src/options'],
  welcome: ['src/welcome'],
  ui: ['src/ui'],
  node: ['src/node'],
  web: ['src/web'],
  tfjs: ['node_modules/@tensorflow', 'node_modules/@tensorflow-models', 'node_modules/@mediapipe'],
  preact: ['node_modules/preact'],
  polyfill: ['node_modules/webextension-polyfill'],
};

/** The domains, ground first: each may import those before it. */
const DOMAINS = ['common', 'model', 'recommendation', 'journal'];
const below = (domain) => DOMAINS.slice(0, DOMAINS.indexOf(domain));
const PAGE = [...DOMAINS, 'storage', 'protocol', 'platform', 'preact', 'ui'];

/** The zones table: each folder and what it may import besides itself. */
export const MAY_IMPORT = {
  ...Object.fromEntries(DOMAINS.map((domain) => [domain, below(domain)])),
  storage: DOMAINS,
  protocol: DOMAINS,
  platform: ['common', 'model', 'protocol', 'storage', 'polyfill'],
  recognition: ['common', 'model', 'tfjs'],
  capture: ['common', 'model', 'recognition', 'tfjs'],
  offscreen: ['common', 'model', 'protocol', 'platform', 'capture'],
  background: [...DOMAINS, 'storage', 'protocol', 'platform'],
  ui: [...DOMAINS, 'storage', 'protocol', 'platform', 'preact'],
  popup: PAGE,
  options: PAGE,
  welcome: PAGE,
  node: [...DOMAINS, 'storage', 'protocol', 'recognition', 'tfjs'],
  // The web app: the shared pages' parts and the capture engine, never the extension's contexts
  // or its browser-API seam (src/platform); its own i18n stands in for the platform's.
  web: [...DOMAINS, 'storage', 'recognition', 'capture', 'ui', 'preact'],
};

function zonesFor(mayImport) {
  return Object.entries(mayImport).map(([context, allowed]) => {
    const forbidden = Object.keys(SOURCES).filter((name) => name !== context && !allowed.includes(name));
    return {
      target: SOURCES[context],
      from: forbidden.flatMap((name) => SOURCES[name]),
      message: `src/${context} may import only ${allowed.join(', ') || 'nothing outside itself'} (zones table in eslint.config.mjs).`,
    };
  });
}

/**
 * Packages a folder may import besides the libraries in SOURCES (which the zones table allows
 * folder by folder): an allowlist, so a package not listed here (node:fs, pngjs, a new
 * dependency) is refused in every folder that does not list it. `node:*`: Node's built-ins.
 */
export const PACKAGES = {
  // http-server: the static server of `npm run serve:web`, which the browser bench serves dist/web with.
  node: ['node:*', 'pngjs', 'jpeg-js', 'puppeteer-core', '@vladmandic/face-api', 'http-server'],
};

/** The packages SOURCES names (node_modules/...), left to the zones table. */
const ZONED_PACKAGES = Object.values(SOURCES)
  .flat()
  .filter((path) => path.startsWith('node_modules/'))
  .map((path) => path.slice('node_modules/'.length));

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A package name as a regex: `node:*` any built-in, a scope or a name also with any path under it. */
const packageRegex = (name) =>
  name.endsWith(':*') ? `${escapeRegex(name.slice(0, -1))}[^/]+` : `${escapeRegex(name)}(?:/|$)`;

/** Any package import (not ./ or ../) other than the zoned ones and the folder's own list. */
function unlistedPackages(context) {
  const allowed = [...ZONED_PACKAGES, ...(PACKAGES[context] ?? [])];
  return {
    regex: `^(?![./])(?!(?:${allowed.map(packageRegex).join('|')}))`,
    message: `src/${context} may import only the packages listed for it (PACKAGES and SOURCES in eslint.config.mjs).`,
  };
}

const RAW_STORAGE = {
  group: ['**/platform/browserApi'],
  importNames: ['loadStored', 'saveStored', 'saveAllStored', 'removeStored', 'watchStored'],
  message: 'Read and write stored state through the registry (src/storage/registry.ts).',
};

/** What a folder may not import by name: stored state past the registry (except src/platform), unlisted packages. */
const restrictedImports = (context) => [
  ...(context === 'platform' ? [] : [RAW_STORAGE]),
  unlistedPackages(context),
];

const restrictedPaths = (mayImport) => ['error', { basePath: ROOT, zones: zonesFor(mayImport) }];

const BROWSER_GLOBALS = ['chrome', 'browser'].map((name) => ({
  name,
  message: 'Only src/platform touches browser APIs; import from src/platform/browserApi.ts.',
}));
const noEval = { name: 'eval', message: 'No eval: the extension CSP forbids it.' };

export default tseslint.config(
  { ignores: ['dist/**', 'artifacts/**', 'node_modules/**', 'coverage/**', 'training/**', 'models/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      'no-restricted-globals': ['error', noEval],
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error, and one handed to a callback that
    // ignores return values (onClick, addEventListener) does too.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ROOT } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: { 'import-x/no-restricted-paths': restrictedPaths(MAY_IMPORT) },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-globals': ['error', noEval, ...BROWSER_GLOBALS],
      'no-restricted-properties': [
        'error',
        ...['globalThis', 'window', 'self'].flatMap((object) =>
          BROWSER_GLOBALS.map(({ name, message }) => ({ object, property: name, message })),
        ),
      ],
    },
  },
  // Stored state through the registry only, and each folder's packages from its allowlist.
  ...Object.keys(MAY_IMPORT).map((context) => ({
    files: SOURCES[context].map((folder) => `${folder}/**/*.{ts,tsx}`),
    rules: { 'no-restricted-imports': ['error', { patterns: restrictedImports(context) }] },
  })),
  {
    // A function a reader can hold: longer ones are split into named steps, or say why not.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/node/cli/**'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['webpack.config.js', 'scripts/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
