// Lint rules keep the extension contexts apart. Each context lists what it may import; anything
// else in SOURCES is off limits to it, so a new context is walled off from everywhere until a row
// says otherwise. src/ui holds the preact pieces the extension's pages share (theme, camera help,
// journal opt-in), so pages never import each other. Why it matters: tfjs in the popup or the service worker
// bloats them and runs ML in the wrong place; preact outside the pages likewise; and code outside
// src/platform that touches browser APIs cannot be tested with the platform seam mocked.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** What an import may resolve to, by name: the contexts under src/ and the heavy or global libraries. */
const SOURCES = {
  shared: ['src/shared'],
  journal: ['src/journal'],
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
  tfjs: ['node_modules/@tensorflow', 'node_modules/@tensorflow-models', 'node_modules/@mediapipe'],
  preact: ['node_modules/preact'],
  polyfill: ['node_modules/webextension-polyfill'],
};

/** The zones table: each context and what it may import besides itself. */
const MAY_IMPORT = {
  shared: [],
  // Pure reports on the journal (src/journal/patterns): no browser, no preact, no models.
  journal: ['shared'],
  platform: ['shared', 'polyfill'],
  recognition: ['shared', 'tfjs'],
  capture: ['shared', 'recognition', 'tfjs'],
  offscreen: ['shared', 'platform', 'capture'],
  background: ['shared', 'platform'],
  ui: ['shared', 'platform', 'preact'],
  popup: ['shared', 'journal', 'platform', 'preact', 'ui'],
  options: ['shared', 'journal', 'platform', 'preact', 'ui'],
  welcome: ['shared', 'platform', 'preact', 'ui'],
  node: ['shared', 'journal', 'recognition', 'tfjs'],
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
    files: ['webpack.config.js', 'scripts/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
