// One transform for every project: SWC keeps decorator metadata (Nest DI needs it) and is
// an order of magnitude faster than ts-jest on two cores; type checking is `npm run typecheck`.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const swcConfig = JSON.parse(readFileSync(join(__dirname, '.swcrc.json'), 'utf8'));
delete swcConfig.$schema;
const { compilerOptions } = JSON.parse(readFileSync(join(__dirname, 'tsconfig.base.json'), 'utf8'));

// Tests prove the code on the runtime it ships with (.node-version), not on whatever node came
// first on PATH: a run under another version would pass or fail for the wrong reason.
const pinnedNode = `v${readFileSync(join(__dirname, '.node-version'), 'utf8').trim()}`;
if (process.version !== pinnedNode) {
  throw new Error(
    `jest runs under Node.js ${process.version}, the project pins ${pinnedNode} (.node-version). ` +
      'Use `npm test`, or `source tools/runtime.sh` once in your shell, which installs and selects it.',
  );
}

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, join(__dirname, target)]),
);

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
};
