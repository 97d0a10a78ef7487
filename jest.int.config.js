// Integration tests (`*.int-spec.ts`) against the real Kafka broker and Postgres. The global
// set-up starts (or finds) them once for the whole run; tests share one broker, so they run in band.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: ['apps', 'libs', 'tools'].filter((dir) => existsSync(join(__dirname, dir))).map((dir) => `<rootDir>/${dir}`),
  testMatch: ['**/*.int-spec.ts'],
  setupFiles: ['<rootDir>/libs/testing/src/quiet-logs.ts'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 120000,
};
