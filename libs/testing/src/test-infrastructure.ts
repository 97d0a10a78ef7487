import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');

/** Where the test run's broker and database are, as the global set-up resolved them. */
export interface TestInfrastructure {
  readonly kafkaBrokers: string[];
  /** Admin URL of the test database (roles and schemas applied). */
  readonly databaseUrl: string;
  /** `local` when this run started the broker itself and may stop and restart it. */
  readonly mode: 'environment' | 'local' | 'containers';
}

/** Read by tests: the global set-up publishes its decisions through these variables. */
export function testInfrastructure(): TestInfrastructure {
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  const databaseUrl = process.env.DATABASE_URL;
  if (!kafkaBrokers || !databaseUrl) {
    throw new Error('KAFKA_BROKERS and DATABASE_URL are not set: run integration tests with jest.int.config.js');
  }
  return {
    kafkaBrokers: kafkaBrokers.split(',').map((broker) => broker.trim()),
    databaseUrl,
    mode: (process.env.CMP_TEST_INFRA_MODE as TestInfrastructure['mode']) ?? 'environment',
  };
}

export interface LocalBrokerSettings {
  readonly port: number;
  readonly controllerPort: number;
  readonly dataDir: string;
}

export const LOCAL_TEST_BROKER: LocalBrokerSettings = {
  port: Number(process.env.CMP_TEST_KAFKA_PORT ?? 19092),
  controllerPort: Number(process.env.CMP_TEST_KAFKA_CONTROLLER_PORT ?? 19093),
  dataDir: process.env.CMP_TEST_KAFKA_DATA_DIR ?? join(WORKSPACE_ROOT, 'infra', 'kafka', '.data-test'),
};

async function kafkaScript(script: 'start.sh' | 'stop.sh' | 'status.sh', broker: LocalBrokerSettings): Promise<string> {
  const { stdout } = await run('bash', [join(WORKSPACE_ROOT, 'infra', 'kafka', script)], {
    env: {
      ...process.env,
      KAFKA_PORT: String(broker.port),
      KAFKA_CONTROLLER_PORT: String(broker.controllerPort),
      KAFKA_DATA_DIR: broker.dataDir,
    },
    maxBuffer: 10 * 1024 * 1024,
  });
  return stdout.trim();
}

/** Starts the local broker from the Kafka jars (idempotent; the first start resolves them with Maven). */
export function startLocalBroker(broker: LocalBrokerSettings = LOCAL_TEST_BROKER): Promise<string> {
  return kafkaScript('start.sh', broker);
}

export function stopLocalBroker(broker: LocalBrokerSettings = LOCAL_TEST_BROKER): Promise<string> {
  return kafkaScript('stop.sh', broker);
}

/**
 * Stops the broker and starts it again after `downMs`, for outage tests. Only a broker this run
 * started can be controlled; anything else is refused loudly rather than silently skipped.
 */
export async function interruptLocalBroker(downMs: number): Promise<void> {
  if (testInfrastructure().mode !== 'local') {
    throw new Error('broker outage tests need the locally started broker (unset KAFKA_BROKERS)');
  }
  await stopLocalBroker();
  await new Promise((resolve) => setTimeout(resolve, downMs));
  await startLocalBroker();
}

/** Applies infra/postgres (database, roles, schemas) to the database named in the admin URL. */
export async function preparePostgres(adminUrl: string, databaseName: string): Promise<void> {
  await run('bash', [join(WORKSPACE_ROOT, 'infra', 'postgres', 'apply.sh')], {
    env: { ...process.env, DATABASE_ADMIN_URL: adminUrl, CMP_DB_NAME: databaseName },
  });
}
