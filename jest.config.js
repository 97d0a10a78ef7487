// Unit tests of every project (`*.spec.ts`): no broker, no database.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: ['apps', 'libs', 'tools'].filter((dir) => existsSync(join(__dirname, dir))).map((dir) => `<rootDir>/${dir}`),
  testMatch: ['**/*.spec.ts'],
};
