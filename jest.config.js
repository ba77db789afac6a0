/** Unit and model tests run in Node; the e2e project drives Debian's Chromium with the built extension. */
const tsJest = ['ts-jest', { diagnostics: false }];

module.exports = {
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts?(x)', '<rootDir>/test/model/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      moduleNameMapper: { '^@mediapipe/face_mesh$': '<rootDir>/src/recognition/mediapipeStub.ts' },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
  ],
};
