/**
 * Three projects, named as they run: `unit` (Node or jsdom, no model files: seconds), `model` (the
 * real face and mood models on tfjs's wasm backend) and `e2e` (Debian's Chromium and firefox-esr
 * with the built extension).
 */
const tsJest = ['ts-jest', { diagnostics: false }];
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest },
  // The MediaPipe WASM solution is never shipped; the bundle swaps in the same stub (webpack.config.js).
  moduleNameMapper: { '^@mediapipe/face_mesh$': '<rootDir>/src/recognition/mediapipeStub.ts' },
};

module.exports = {
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts?(x)'],
      // jsdom tests (docblock) would otherwise resolve preact's browser build, an ES module.
      testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
      // browser.i18n exists only in the browser: t() answers from the shipped catalogues instead.
      moduleNameMapper: {
        ...shared.moduleNameMapper,
        '^(\\.{1,2}/)+(src/)?platform/i18n$': '<rootDir>/test/unit/helpers/i18n.ts',
      },
    },
    { ...shared, displayName: 'model', testMatch: ['<rootDir>/test/model/**/*.test.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'] },
  ],
};
