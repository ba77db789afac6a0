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
  {
    // Stored state has one way in and out: the registry, whose writes take the key's lock.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/platform/browserApi'],
              importNames: ['loadStored', 'saveStored', 'removeStored', 'watchStored'],
              message: 'Read and write stored state through the registry (src/storage/registry.ts).',
            },
          ],
        },
      ],
    },
  },
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
