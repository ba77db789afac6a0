/**
 * Builds dist/chrome and dist/firefox from one source tree and one manifest template.
 * Both ship the capture page (offscreen.html: camera and models). Chrome opens it as an offscreen
 * document; Firefox has none and never lets a background page use the camera, so its popup embeds
 * the page, and its build swaps background/captureHost.ts for captureHost.firefox.ts.
 */
const path = require('node:path');
const webpack = require('webpack');
const CopyPlugin = require('copy-webpack-plugin');
const { GenerateSW } = require('workbox-webpack-plugin');
const { manifestFor, BROWSERS } = require('./scripts/manifest');
const { version } = require('./package.json');
// Where the models come from and go: the model contract's file list (src/model/contract.ts).
const MODEL_FILES = require('./src/model/modelFiles.json');

// The tfjs wasm binaries, SIMD and plain (for browsers without SIMD). No threaded build: threads
// need a cross-origin isolated page, which extension pages are not (src/capture/backend.ts).
const wasmDir = path.join(
  path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist',
);
const WASM_FILES = ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm'];

const faceModels = path.join(
  path.dirname(require.resolve(`${MODEL_FILES.face.package}/package.json`)),
  MODEL_FILES.face.from,
);
const bundled = (folder) => `${MODEL_FILES.bundledIn}/${folder}`;

// face-api.js's expression net (the second opinion, src/recognition/expressionClassifier.ts): its
// weights manifest becomes models/expression/model.json, the one format tfjs's http loader reads.
const expressionModel = path.join(
  path.dirname(require.resolve(`${MODEL_FILES.expression.package}/package.json`)),
  MODEL_FILES.expression.from,
);

/** The three models and the tfjs wasm binaries, where the capture engine looks for them. */
const MODEL_AND_WASM_COPIES = [
  {
    from: MODEL_FILES.mood.from,
    to: bundled(MODEL_FILES.mood.to),
    globOptions: { ignore: ['**/PROVENANCE*'] },
  },
  {
    from: path.join(expressionModel, MODEL_FILES.expression.manifest),
    to: `${bundled(MODEL_FILES.expression.to)}/${MODEL_FILES.expression.graph}`,
    transform: (content) => JSON.stringify({ weightsManifest: JSON.parse(content) }),
  },
  {
    from: path.join(expressionModel, MODEL_FILES.expression.weights),
    to: bundled(MODEL_FILES.expression.to),
  },
  ...WASM_FILES.map((name) => ({ from: path.join(wasmDir, name), to: 'wasm' })),
  ...[MODEL_FILES.face.detector, MODEL_FILES.face.landmarks].flatMap((name) =>
    ['json', 'bin'].map((ext) => ({
      from: path.join(faceModels, `${name}.${ext}`),
      to: bundled(MODEL_FILES.face.to),
    })),
  ),
];

/** What the extension and the web app build alike, into dist/<name>: TypeScript, no eval. */
function baseConfig(name, entry) {
  return {
    name,
    entry,
    output: { path: path.resolve(__dirname, 'dist', name), filename: '[name].js', clean: true },
    // No eval-based source maps: the extension CSP (and the web app's) forbids eval.
    devtool: false,
    target: 'web',
    // Webpack's `global` shim falls back to `new Function("return this")`, which the CSP forbids
    // and web-ext flags; every supported browser has globalThis.
    node: { global: false },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      alias: { '@mediapipe/face_mesh': path.resolve(__dirname, 'src/recognition/mediapipeStub.ts') },
    },
    module: {
      rules: [
        { test: /\.tsx?$/, loader: 'ts-loader', options: { transpileOnly: true }, exclude: /node_modules/ },
      ],
    },
    performance: { hints: false },
  };
}

function configFor(browser) {
  const entries = {
    background: './src/background/index.ts',
    popup: './src/popup/index.tsx',
    options: './src/options/index.tsx',
    welcome: './src/welcome/index.tsx',
    offscreen: './src/offscreen/index.ts',
  };
  const pages = [
    'src/ui/theme.css',
    'src/ui/journal.css',
    'src/popup/popup.html',
    'src/popup/popup.css',
    'src/options/options.html',
    'src/options/options.css',
    'src/welcome/welcome.html',
    'src/welcome/welcome.css',
    'src/offscreen/offscreen.html',
  ];
  return {
    ...baseConfig(browser, entries),
    plugins: [
      new webpack.DefinePlugin({ global: 'globalThis' }),
      ...(browser === 'firefox'
        ? [
            new webpack.NormalModuleReplacementPlugin(
              /\/captureHost$/,
              (resource) => (resource.request += '.firefox'),
            ),
          ]
        : []),
      new CopyPlugin({
        patterns: [
          {
            from: 'manifest.json',
            transform: (content) =>
              JSON.stringify(manifestFor(JSON.parse(content), browser, version), null, 2),
          },
          { from: 'icons', to: 'icons' },
          { from: '_locales', to: '_locales' },
          ...pages.map((from) => ({ from, to: path.basename(from) })),
          ...MODEL_AND_WASM_COPIES,
        ],
      }),
    ],
  };
}

/**
 * dist/web: the web app (src/web), a static site. The same capture engine, models and wasm files
 * as the extension; src/platform/i18n (browser.i18n, which a web page lacks) is swapped for the
 * app's own, which reads the bundled _locales, and src/platform/stored (storage.local) for the
 * same registry on IndexedDB. A Workbox service worker precaches everything,
 * models included, under a cache versioned by each file's hash, so a new build replaces them.
 */
function webConfig() {
  return {
    ...baseConfig('web', { app: './src/web/index.tsx' }),
    plugins: [
      new webpack.DefinePlugin({ global: 'globalThis' }),
      new webpack.NormalModuleReplacementPlugin(
        /\/platform\/i18n$/,
        path.resolve(__dirname, 'src/web/i18n.ts'),
      ),
      // The pages' shared parts (src/ui) read and write stored state on IndexedDB here.
      new webpack.NormalModuleReplacementPlugin(
        /\/platform\/stored$/,
        path.resolve(__dirname, 'src/web/stored.ts'),
      ),
      new CopyPlugin({
        patterns: [
          { from: 'icons', to: 'icons' },
          ...[
            'src/ui/theme.css',
            'src/ui/journal.css',
            'src/web/index.html',
            'src/web/web.css',
            'src/web/manifest.webmanifest',
          ].map((from) => ({ from, to: path.basename(from) })),
          ...MODEL_AND_WASM_COPIES,
        ],
      }),
      new GenerateSW({
        swDest: 'sw.js',
        // Copied files (models, wasm, pages) are precached too, not only webpack's own output.
        include: [/.*/],
        exclude: [/\.map$/, /LICENSE/],
        // The mood model's weights come in shards of up to 4 MiB.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        // No workbox-*.js fetched at run time: its runtime is bundled into sw.js.
        inlineWorkboxRuntime: true,
        sourcemap: false,
        mode: 'production',
      }),
    ],
  };
}

/** `--env browser=chrome|firefox|web` builds that one; without it, all three. */
module.exports = (env = {}) => {
  const targets = env.browser ? [env.browser] : [...BROWSERS, 'web'];
  return targets.map((target) => (target === 'web' ? webConfig() : configFor(target)));
};
