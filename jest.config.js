const os = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  // jest's default is one worker fewer than the cores: one on CI's two. The suite waits on child processes
  // (LibreOffice, Chromium, the CLI) much of the time, so two workers keep both cores busy. Each test file has
  // its own LibreOffice profile, browser profile and temporary folders, so files run safely side by side.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // fast-check's seed and default count for every test file: test/support/fuzz.ts is the one place.
  setupFiles: ['<rootDir>/test/support/fastCheckSetup.ts'],
  // The longest files first, by this machine's last run or else by CI's (test/support/durations.json).
  testSequencer: '<rootDir>/test/support/testSequencer.js',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 120000,
};
