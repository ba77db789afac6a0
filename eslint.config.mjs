// Lint rules keep the extension contexts apart: the popup never pulls in tfjs (it would bloat
// the popup and run ML in the wrong context), and background/offscreen never pull in preact.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noTfjs = {
  group: ['@tensorflow/*', '@tensorflow-models/*', '**/recognition/**', '**/offscreen/**'],
  message: 'The popup must not import tfjs or the recognition pipeline; ask the background instead.',
};
const noPreact = {
  group: ['preact', 'preact/*', '**/popup/**'],
  message: 'Background and offscreen code must not import preact or popup code.',
};
const noContexts = {
  group: ['**/background/**', '**/offscreen/**', '**/popup/**', '**/node/**', '**/platform/**'],
  message: 'Shared code and the recognition pipeline depend on no extension context.',
};
const noBrowserGlobals = {
  name: 'webextension-polyfill',
  message: 'Only src/platform/browserApi.ts touches browser APIs; import from there.',
};

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
      'no-restricted-globals': ['error', { name: 'eval', message: 'No eval: the extension CSP forbids it.' }],
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/platform/browserApi.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noBrowserGlobals] }] },
  },
  {
    files: ['src/popup/**', 'src/permission/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noBrowserGlobals], patterns: [noTfjs] }] },
  },
  {
    files: ['src/background/**', 'src/offscreen/**', 'src/recognition/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noBrowserGlobals], patterns: [noPreact] }] },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noBrowserGlobals], patterns: [noTfjs, noPreact, noContexts] },
      ],
    },
  },
  {
    files: ['src/recognition/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noBrowserGlobals], patterns: [noPreact, noContexts] }],
    },
  },
  {
    files: ['webpack.config.js', 'scripts/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
