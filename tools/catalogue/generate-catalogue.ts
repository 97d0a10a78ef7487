import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiCatalogue, CATALOGUE_FILE } from '@cmp/contracts';

/**
 * `npm run catalogue` writes the AsyncAPI catalogue of every event from libs/contracts;
 * `npm run catalogue -- --check` only says whether the committed one is current.
 */
const file = join(__dirname, '..', '..', CATALOGUE_FILE);
const generated = `${JSON.stringify(buildAsyncApiCatalogue(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  const committed = readFileSync(file, 'utf8');
  if (committed !== generated) {
    process.stderr.write(`${CATALOGUE_FILE} is out of date: run npm run catalogue\n`);
    process.exit(1);
  }
  process.stdout.write(`${CATALOGUE_FILE} is current\n`);
} else {
  writeFileSync(file, generated);
  process.stdout.write(`wrote ${CATALOGUE_FILE}\n`);
}
