import 'reflect-metadata';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { prepareTestInfrastructure, releaseTestInfrastructure } from '@cmp/testing';

/**
 * `npm run bench -- <name> [options]`: finds or starts the broker and database exactly as the
 * integration tests do, runs one benchmark, and stops what it started. A benchmark is a file
 * `<project>/bench/<name>.bench.ts` that exports `run(args)`, so it lives with the code it measures.
 */
const root = join(__dirname, '..', '..');

function findBenchmarks(): Map<string, string> {
  const found = new Map<string, string>();
  for (const group of ['apps', 'libs']) {
    if (!existsSync(join(root, group))) continue;
    for (const project of readdirSync(join(root, group))) {
      const dir = join(root, group, project, 'bench');
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir)) {
        const match = /^(.+)\.bench\.ts$/.exec(file);
        if (match) found.set(match[1], join(dir, file));
      }
    }
  }
  return found;
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const benchmarks = findBenchmarks();
  const file = name ? benchmarks.get(name) : undefined;
  if (!file) {
    process.stderr.write(`usage: npm run bench -- <${[...benchmarks.keys()].join('|')}> [options]\n`);
    process.exit(2);
  }
  process.env.LOG_LEVEL ??= 'warn';
  await prepareTestInfrastructure();
  try {
    const benchmark: { run(args: string[]): Promise<void> } = await import(file);
    await benchmark.run(args);
  } finally {
    await releaseTestInfrastructure();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
