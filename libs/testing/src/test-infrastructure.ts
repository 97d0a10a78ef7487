import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');

/** A principal of the broker (kafkajs' SASL options, and `KafkaSasl` of libs/messaging). */
export interface BrokerSasl {
  readonly mechanism: 'scram-sha-512';
  readonly username: string;
  readonly password: string;
}

/** The broker's super user: provisioning, tests and tooling. */
export const KAFKA_ADMIN_USER = 'cmp-admin';

/** Where the test run's broker and database are, as the global set-up resolved them. */
export interface TestInfrastructure {
  readonly kafkaBrokers: string[];
  /** The admin's credentials (undefined only for a broker without authentication). */
  readonly kafkaSasl: BrokerSasl | undefined;
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
    kafkaSasl: saslFromEnvironment(),
    databaseUrl,
    mode: (process.env.CMP_TEST_INFRA_MODE as TestInfrastructure['mode']) ?? 'environment',
  };
}

function saslFromEnvironment(): BrokerSasl | undefined {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = process.env;
  if (!mechanism && !username && !password) return undefined;
  if (mechanism !== 'scram-sha-512' || !username || !password) {
    throw new Error('KAFKA_SASL_MECHANISM (scram-sha-512), KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD must be set together');
  }
  return { mechanism, username, password };
}

/** The `KAFKA_SASL_*` variables of a principal, for a process that connects as it. */
export function saslEnvironment(sasl: BrokerSasl): Record<string, string> {
  return { KAFKA_SASL_MECHANISM: sasl.mechanism, KAFKA_SASL_USERNAME: sasl.username, KAFKA_SASL_PASSWORD: sasl.password };
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

/**
 * A principal of a broker started from infra/kafka: its password was made when the broker's
 * storage was formatted and is kept (0600) in the data dir.
 */
export function localBrokerSasl(username: string, broker: LocalBrokerSettings = LOCAL_TEST_BROKER): BrokerSasl {
  const file = join(broker.dataDir, 'credentials.properties');
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((candidate) => candidate.startsWith(`${username}=`));
  if (!line) throw new Error(`${file} has no password for ${username}`);
  return { mechanism: 'scram-sha-512', username, password: line.slice(username.length + 1).trim() };
}

/**
 * Starts the local broker from the Kafka jars (idempotent; the first start resolves them with
 * Maven), then, as its admin, creates every topic and the services' ACLs (tools/kafka), exactly
 * as `npm start` does.
 */
export async function startLocalBroker(broker: LocalBrokerSettings = LOCAL_TEST_BROKER): Promise<string> {
  // A test broker's data is disposable: one formatted before the broker required SASL has no
  // credentials and cannot get them, so it is started afresh rather than refused.
  if (existsSync(join(broker.dataDir, 'kraft-logs')) && !existsSync(join(broker.dataDir, 'credentials.properties'))) {
    await kafkaScript('stop.sh', broker);
    rmSync(broker.dataDir, { recursive: true, force: true });
  }
  const line = await kafkaScript('start.sh', broker);
  await run(process.execPath, ['-r', '@swc-node/register', join(WORKSPACE_ROOT, 'tools', 'kafka', 'provision-kafka.ts')], {
    cwd: WORKSPACE_ROOT,
    env: {
      ...process.env,
      ...saslEnvironment(localBrokerSasl(KAFKA_ADMIN_USER, broker)),
      KAFKA_BROKERS: `127.0.0.1:${broker.port}`,
      SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'tsconfig.json'),
    },
  });
  return line;
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
