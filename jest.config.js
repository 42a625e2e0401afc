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
  // Two test files at a time: CI and the development machine have two cores, and Jest's
  // default (cores - 1 = 1) runs every file one after another in a single process.
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/support/sequencer.js',
};
