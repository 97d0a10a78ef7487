import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { configureServiceApp } from '@cmp/platform';
import { startConsumerGroupAtEnd } from './consumer-group-offsets';
import { testHopKeys } from './hop-signing';
import { createScratchSchema, type ScratchSchema, uniqueSuffix } from './scratch-schema';
import { type BrokerSasl, testInfrastructure } from './test-infrastructure';

/**
 * What every service's `forRoot` takes to run against the test infrastructure; spread it into
 * the service's own settings: `module: (wiring) => MatchingModule.forRoot({ ...wiring, workerThresholdPairs: 0 })`.
 */
export interface ServiceTestWiring {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly brokers: string[];
  readonly sasl: BrokerSasl | undefined;
  /** The test's movable clock (`setNow`, `advance`). */
  readonly clock: () => Date;
}

/** The options of a service's consumer that a test sets; `connectEventConsumer` (@cmp/messaging) takes them. */
export interface TestConsumerOptions {
  readonly groupId: string;
  readonly sessionTimeoutMs: number;
}

export interface ServiceTestAppOptions<Consumer> {
  /** The service's name (or an instance's, `matching_replay`): names its scratch schema and consumer group. */
  readonly service: string;
  readonly module: (wiring: ServiceTestWiring) => DynamicModule;
  /** Where the test's clock stands; without it the clock follows the real time until `setNow` or `advance`. */
  readonly now?: Date;
  /** Runs on another test app's schema (a second instance of a scaled-out service); that app drops it. */
  readonly schema?: ScratchSchema;
  /**
   * Connects the service's event consumer: pass `connectEventConsumer` from @cmp/messaging
   * (given, not imported here, because @cmp/messaging's own tests use this library). Without it
   * the app consumes nothing.
   */
  readonly consume?: (app: INestApplication, options: TestConsumerOptions) => Consumer;
  /** The consumer group; a fresh one per app unless given (a restarted instance rejoins its group). */
  readonly groupId?: string;
  /**
   * Starts a fresh group at the end of these topics, so the consumer sees only events published
   * from now on rather than every earlier suite's on the shared broker.
   */
  readonly consumeFromNowOn?: readonly string[];
  /** `edge` for the gateway, which authenticates callers itself; otherwise signed hops with the test keys. */
  readonly authentication?: 'edge';
  /** `installed-by-caller` when `configure` installs the JSON body parser itself (the gateway, with its own limit). */
  readonly jsonBody?: 'installed-by-caller';
  /** More set-up before the app starts (OpenAPI, the gateway's edge configuration). */
  readonly configure?: (app: INestApplication) => void | Promise<void>;
}

export interface ServiceTestApp<Consumer = unknown> {
  readonly app: INestApplication;
  readonly dataSource: DataSource;
  readonly schema: ScratchSchema;
  /** The consumer `consume` returned, e.g. to wait until it has joined its group; undefined without one. */
  readonly consumer: Consumer | undefined;
  /** The consumer group, whose dead letters go to `<group>.dlq`; undefined without a consumer. */
  readonly groupId: string | undefined;
  now(): Date;
  setNow(instant: Date): void;
  advance(ms: number): void;
  /** Closes the app, then drops the schema unless it was another app's. */
  close(): Promise<void>;
}

/**
 * One instance of a real service (HTTP, outbox relay, and its consumer when asked) on a scratch
 * schema of the test database and the test broker, with a clock the test moves: the set-up
 * every `apps/<service>/test/<service>-test-app.ts` builds on. Background pollers stay whatever
 * the module is given (tests pass an interval of 0 and drain due rows themselves).
 */
export async function createServiceTestApp<Consumer = unknown>(options: ServiceTestAppOptions<Consumer>): Promise<ServiceTestApp<Consumer>> {
  const infra = testInfrastructure();
  const schema = options.schema ?? (await createScratchSchema(options.service));
  let current: Date | undefined = options.now;
  const clock = () => current ?? new Date();
  let app: INestApplication | undefined;
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [options.module({ databaseUrl: schema.databaseUrl, schema: schema.name, brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clock })],
    }).compile();
    const started = moduleRef.createNestApplication({ bufferLogs: true });
    app = started;
    configureServiceApp(started, {
      authentication: options.authentication === 'edge' ? 'edge' : { hopPublicKeys: testHopKeys().publicKeys },
      ...(options.jsonBody ? { jsonBody: options.jsonBody } : {}),
    });
    await options.configure?.(started);
    let consumer: Consumer | undefined;
    let groupId: string | undefined;
    if (options.consume) {
      groupId = options.groupId ?? `${options.service}-test-${uniqueSuffix()}`;
      if (options.consumeFromNowOn && !options.groupId) await startConsumerGroupAtEnd(infra.kafkaBrokers, groupId, options.consumeFromNowOn);
      consumer = options.consume(started, { groupId, sessionTimeoutMs: 6000 });
    }
    await started.startAllMicroservices();
    await started.init();
    return {
      app: started,
      dataSource: started.get(DataSource),
      schema,
      consumer,
      groupId,
      now: clock,
      setNow: (instant) => (current = instant),
      advance: (ms) => (current = new Date(clock().getTime() + ms)),
      close: async () => {
        await started.close();
        if (!options.schema) await schema.drop();
      },
    };
  } catch (error) {
    // A service that failed to start leaves no connections and no schema behind.
    await app?.close().catch(() => undefined);
    if (!options.schema) await schema.drop().catch(() => undefined);
    throw error;
  }
}
