import 'reflect-metadata';
import globalSetup from '../../libs/testing/src/global-setup';
import globalTeardown from '../../libs/testing/src/global-teardown';

/**
 * `npm run bench -- <name> [options]`: finds or starts the broker and database exactly as the
 * integration tests do, runs one benchmark, and stops what it started.
 */
const BENCHMARKS: Record<string, () => Promise<(args: string[]) => Promise<void>>> = {
  events: async () => (await import('../../libs/messaging/bench/events.bench')).runEventsBenchmark,
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? BENCHMARKS[name] : undefined;
  if (!load) {
    process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}> [options]\n`);
    process.exit(2);
  }
  process.env.LOG_LEVEL ??= 'warn';
  await globalSetup();
  try {
    const run = await load();
    await run(args);
  } finally {
    await globalTeardown();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
