/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type checking is `npm run lint`'s job (tsc); tests transpile only, which keeps them fast.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // Bundle, sheet and browser tests read dist/: build it once before any test runs.
  globalSetup: '<rootDir>/test/support/global-setup.js',
  testTimeout: 60000,
};
