import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { generateHopKeyPair, type HopKeyPair } from './hop-signing';
import { BrokerSasl, KAFKA_ADMIN_USER, LocalBrokerSettings, localBrokerSasl, preparePostgres, saslEnvironment, startLocalBroker, stopLocalBroker, WORKSPACE_ROOT } from './test-infrastructure';
import { startTsProcess, TsProcess } from './ts-process';
import { waitFor } from './wait-for';

/**
 * The end-to-end tests' own broker: a fresh one per run, so services whose consumer groups read
 * their topics from the beginning see only this system's events, not those other integration
 * tests left on the shared test broker.
 */
export const SYSTEM_TEST_BROKER: LocalBrokerSettings = {
  port: Number(process.env.CMP_SYSTEM_TEST_KAFKA_PORT ?? 19192),
  controllerPort: Number(process.env.CMP_SYSTEM_TEST_KAFKA_CONTROLLER_PORT ?? 19193),
  dataDir: process.env.CMP_SYSTEM_TEST_KAFKA_DATA_DIR ?? join(WORKSPACE_ROOT, 'infra', 'kafka', '.data-system-test'),
};

const SYSTEM_TEST_DATABASE = process.env.CMP_SYSTEM_TEST_DB_NAME ?? 'cmp_system_test';
const FIRST_PORT = Number(process.env.CMP_SYSTEM_TEST_FIRST_PORT ?? 3100);

export interface SystemUnderTestOptions {
  /** The apps to run, in start order (the gateway last). */
  readonly services: readonly string[];
  /** Variables every service gets, on top of the database, broker, port and clock. */
  readonly env?: Readonly<Record<string, string>>;
  /** Variables for one service only. */
  readonly serviceEnv?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Instances of every service (default 1), on one database and broker as a scaled-out
   * deployment runs them. Instance n listens 10 ports above instance n-1, and a gateway (or any
   * service) is told the URLs of the other services' instance of the same number.
   */
  readonly instances?: number;
  /** How long a service may take to report ready after it is started (default 2 minutes). */
  readonly readyTimeoutMs?: number;
}

/** Ports per instance: room for every service of the system. */
const PORTS_PER_INSTANCE = 10;

/**
 * The whole system as separate processes on a real broker and database, with one movable clock
 * (see `movableClock` in libs/platform) shared by every service.
 */
export class SystemUnderTest {
  private readonly processes = new Map<string, TsProcess>();
  private offsetMs = 0;
  /** The gateway's secrets that no test needs to know: fresh per run, as an operator would make them. */
  private readonly gatewaySecrets = { GATEWAY_SIGN_IN_FAILURE_SECRET: randomBytes(48).toString('base64url') };
  /** This run's hop key pair: the gateway signs with it, every service trusts its public half. */
  readonly hopKeys: HopKeyPair = generateHopKeyPair();

  private constructor(
    private readonly options: SystemUnderTestOptions,
    private readonly workDirectory: string,
    readonly adminDatabaseUrl: string,
  ) {}

  static async start(options: SystemUnderTestOptions): Promise<SystemUnderTest> {
    const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
    await recreateDatabase(adminUrl, SYSTEM_TEST_DATABASE);
    await stopLocalBroker(SYSTEM_TEST_BROKER);
    rmSync(SYSTEM_TEST_BROKER.dataDir, { recursive: true, force: true });
    await startLocalBroker(SYSTEM_TEST_BROKER);

    const databaseUrl = new URL(adminUrl);
    databaseUrl.pathname = `/${SYSTEM_TEST_DATABASE}`;
    const system = new SystemUnderTest(options, mkdtempSync(join(tmpdir(), 'cmp-system-')), databaseUrl.toString());
    system.writeClock();
    try {
      if (options.services.length > PORTS_PER_INSTANCE) throw new Error(`at most ${PORTS_PER_INSTANCE} services per system`);
      // One by one: side by side they only compete for the same cores, and each waits longer.
      for (let instance = 0; instance < (options.instances ?? 1); instance += 1) {
        for (const service of options.services) await system.startService(service, instance);
      }
    } catch (error) {
      await system.stop();
      throw error;
    }
    return system;
  }

  get kafkaBrokers(): string[] {
    return [`127.0.0.1:${SYSTEM_TEST_BROKER.port}`];
  }

  /** The broker's admin, for a test that reads or writes topics itself. */
  get kafkaSasl(): BrokerSasl {
    return localBrokerSasl(KAFKA_ADMIN_USER, SYSTEM_TEST_BROKER);
  }

  /** Where a service listens; ports are assigned in the order the services were named. */
  url(service: string, instance = 0): string {
    const index = this.options.services.indexOf(service);
    if (index < 0) throw new Error(`${service} is not part of this system`);
    if (instance < 0 || instance >= (this.options.instances ?? 1)) throw new Error(`${service} has no instance ${instance}`);
    return `http://127.0.0.1:${FIRST_PORT + instance * PORTS_PER_INSTANCE + index}`;
  }

  /** The file every service's clock reads its offset from. */
  get clockFile(): string {
    return join(this.workDirectory, 'clock.json');
  }

  /** Moves every service's "now" forward; services see it within a tenth of a second. */
  advanceClock(byMs: number): void {
    if (byMs < 0) throw new Error('the system clock only moves forward');
    this.offsetMs += byMs;
    this.writeClock();
  }

  /** The system's "now" as the services see it. */
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  output(service: string, instance = 0): string {
    return this.processes.get(processKey(service, instance))?.output() ?? '';
  }

  /** Stops a service gracefully (or finds it crashed) and starts it again. */
  async restart(service: string, instance = 0): Promise<void> {
    await this.processes.get(processKey(service, instance))?.stop();
    await this.startService(service, instance);
  }

  /** SIGKILL: no shutdown hook runs, as when a machine dies; `restart` brings it back. */
  async crash(service: string, instance = 0): Promise<void> {
    await this.processes.get(processKey(service, instance))?.crash();
  }

  /** Stops the broker, keeping its data, as an outage would. */
  async stopBroker(): Promise<void> {
    await stopLocalBroker(SYSTEM_TEST_BROKER);
  }

  /** Starts the stopped broker again on the data it had. */
  async startBroker(): Promise<void> {
    await startLocalBroker(SYSTEM_TEST_BROKER);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].reverse().map((running) => running.stop()));
    this.processes.clear();
    await stopLocalBroker(SYSTEM_TEST_BROKER);
    rmSync(this.workDirectory, { recursive: true, force: true });
  }

  private writeClock(): void {
    writeFileSync(this.clockFile, JSON.stringify({ offsetMs: this.offsetMs }));
  }

  private async startService(service: string, instance: number): Promise<void> {
    const port = new URL(this.url(service, instance)).port;
    const databaseUrl = new URL(this.adminDatabaseUrl);
    // Each service logs in as its own role, exactly as in production, so a service that
    // reached outside its schema would fail here too.
    databaseUrl.username = `cmp_${service}`;
    databaseUrl.password = `cmp_${service}`;
    const running = await startTsProcess(
      join('apps', service, 'src', 'main.ts'),
      {
        NODE_ENV: 'test',
        PORT: port,
        DATABASE_URL: databaseUrl.toString(),
        KAFKA_BROKERS: this.kafkaBrokers.join(','),
        // Each service connects as its own principal, as `npm start` and production do, so an
        // event it may not write or read would fail here too.
        ...saslEnvironment(localBrokerSasl(`cmp-${service}`, SYSTEM_TEST_BROKER)),
        CMP_TEST_CLOCK_FILE: this.clockFile,
        LOG_LEVEL: process.env.CMP_SYSTEM_TEST_LOG_LEVEL ?? 'warn',
        // Where every other service of this system listens (ENROLMENT_URL, …), for the gateway.
        ...Object.fromEntries(this.options.services.map((other) => [`${other.toUpperCase()}_URL`, this.url(other, instance)])),
        ...(service === 'gateway' ? { ...this.gatewaySecrets, GATEWAY_HOP_SIGNING_KEY: this.hopKeys.signingKey } : {}),
        CMP_HOP_PUBLIC_KEYS: this.hopKeys.publicKeys,
        ...this.options.env,
        ...this.options.serviceEnv?.[service],
      },
      // Ready means ready to serve, which only the health endpoint can say (below).
      {},
    );
    this.processes.set(processKey(service, instance), running);
    await waitFor(
      async () => {
        if (running.child.exitCode !== null) throw new Error(`${service} exited during start:\n${running.output()}`);
        return fetch(`${this.url(service, instance)}/health/ready`).then((response) => response.ok, () => false);
      },
      (ready) => ready,
      { timeoutMs: this.options.readyTimeoutMs ?? 120_000, intervalMs: 250, what: `${service} #${instance} to report ready` },
    );
  }
}

function processKey(service: string, instance: number): string {
  return `${service}#${instance}`;
}

async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await preparePostgres(adminUrl, name);
}
