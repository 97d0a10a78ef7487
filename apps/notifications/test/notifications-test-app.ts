import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventContract, toKafkaBinaryMessage } from '@cmp/contracts';
import { connectEventConsumer, createKafka, TopicProvisioner } from '@cmp/messaging';
import { configureServiceApp } from '@cmp/platform';
import { createScratchSchema, ScratchSchema, startConsumerGroupAtEnd, startTsProcess, testInfrastructure, TsProcess, uniqueSuffix, testHopKeys } from '@cmp/testing';
import { MessageDispatcher } from '../src/application/messages/message-dispatcher';
import { WebhookDispatcher } from '../src/application/webhooks/webhook-dispatcher';
import { NotificationsConfig } from '../src/notifications.config';
import { NotificationsModule } from '../src/notifications.module';

export const CONSUMED_TOPICS = ['cmp.enrolment.contacts', 'cmp.enrolment.events', 'cmp.matching.events', 'cmp.scheduling.events', 'cmp.evaluation.events', 'cmp.gateway.events'];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface CapturedMail {
  id: string;
  envelopeTo: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
  attachments: { filename: string | null; contentType: string; size: number }[];
}

/** The real capture SMTP server (apps/notifications/dev/mail-capture.ts) as a separate process. */
export class MailCapture {
  private process: TsProcess | undefined;

  private constructor(
    readonly smtpPort: number,
    private readonly httpPort: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<MailCapture> {
    const capture = new MailCapture(await freePort(), await freePort(), `/tmp/notifications-mail-${uniqueSuffix()}`);
    await capture.resume();
    return capture;
  }

  /** Stops the SMTP server: what an outage looks like to the service. */
  async stop(): Promise<void> {
    await this.process?.stop();
    this.process = undefined;
  }

  /** Starts it again on the same ports and folder, keeping what it captured. */
  async resume(): Promise<void> {
    this.process = await startTsProcess(
      'apps/notifications/dev/mail-capture.ts',
      { MAIL_CAPTURE_SMTP_PORT: String(this.smtpPort), MAIL_CAPTURE_HTTP_PORT: String(this.httpPort), MAIL_CAPTURE_DIR: this.dir },
      { readyLine: 'mail-capture: listening' },
    );
  }

  /** Stops for good and removes the captured files. */
  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  async to(address: string): Promise<CapturedMail[]> {
    const response = await fetch(`http://127.0.0.1:${this.httpPort}/messages?to=${encodeURIComponent(address)}`);
    const entries = (await response.json()) as { id: string }[];
    return Promise.all(entries.map(async ({ id }) => (await (await fetch(`http://127.0.0.1:${this.httpPort}/messages/${id}`)).json()) as CapturedMail));
  }

  async raw(id: string): Promise<string> {
    return (await fetch(`http://127.0.0.1:${this.httpPort}/messages/${id}/raw`)).text();
  }
}

export interface NotificationsTestApp {
  readonly app: INestApplication;
  readonly dataSource: DataSource;
  readonly schema: ScratchSchema;
  now(): Date;
  setNow(instant: Date): void;
  advance(ms: number): void;
  runDueMessages: MessageDispatcher['runDueMessages'];
  runDueWebhooks: WebhookDispatcher['runDueWebhooks'];
  publish<T extends object>(contract: EventContract<T>, key: string, data: T | null, id?: string): Promise<string>;
  /** Stops this instance and starts a new one on the same schema and clock: a service restart. */
  restart(): Promise<NotificationsTestApp>;
  close(): Promise<void>;
}

interface StartOptions {
  readonly disableAfterFailures?: number;
  readonly schema?: ScratchSchema;
  readonly now?: Date;
  readonly groupId?: string;
  /** Runs the background delivery loops every so many ms (default 0: tests run due rows themselves). */
  readonly pollIntervalMs?: number;
}

/**
 * The real notifications service (HTTP, consumer, outbox relay) on a scratch schema of the test
 * database and the test broker, with a movable clock and the poller off: tests run the due rows
 * themselves. Webhooks may go to http on loopback here; production refuses both.
 */
export async function startNotifications(smtpPort: number, options: StartOptions = {}): Promise<NotificationsTestApp> {
  const infra = testInfrastructure();
  const schema = options.schema ?? (await createScratchSchema('notifications'));
  let current = options.now ?? new Date('2027-02-01T09:00:00Z');
  const moduleRef = await Test.createTestingModule({
    imports: [
      NotificationsModule.forRoot({
        databaseUrl: schema.databaseUrl,
        schema: schema.name,
        brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl,
        clock: () => current,
        smtp: { host: '127.0.0.1', port: smtpPort, secure: false },
        mailFrom: { name: 'CMP test', email: 'no-reply@cmp.test' },
        webhookUrlPolicy: { allowHttp: true, allowPrivateAddresses: true },
        webhookDisableAfterFailures: options.disableAfterFailures ?? 10,
        webhookTimeoutMs: 3000,
        mailDeadlineMs: new NotificationsConfig().MAIL_SEND_DEADLINE_MS,
        pollIntervalMs: options.pollIntervalMs ?? 0,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureServiceApp(app, { authentication: { hopPublicKeys: testHopKeys().publicKeys } });
  const kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'notifications-test' });
  await new TopicProvisioner(kafka).ensure(CONSUMED_TOPICS);
  // Only events published from here on: the shared test broker holds every earlier suite's
  // events, and planning and dispatching all of them would bury this test's few messages.
  // A restart rejoins its group where it left off, as a restarted service does.
  const groupId = options.groupId ?? `notifications-test-${uniqueSuffix()}`;
  if (!options.groupId) await startConsumerGroupAtEnd(infra.kafkaBrokers, groupId, CONSUMED_TOPICS);
  connectEventConsumer(app, { groupId, sessionTimeoutMs: 6000 });
  await app.startAllMicroservices();
  await app.init();
  const producer: Producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const messages = app.get(MessageDispatcher);
  const webhooks = app.get(WebhookDispatcher);
  return {
    app,
    dataSource: app.get(DataSource),
    schema,
    now: () => current,
    setNow: (instant) => (current = instant),
    advance: (ms) => (current = new Date(current.getTime() + ms)),
    runDueMessages: (limit = 1000) => messages.runDueMessages(limit),
    runDueWebhooks: (limit = 1000) => webhooks.runDueWebhooks(limit),
    async publish(contract, key, data, id = randomUUID()) {
      const event = {
        specversion: '1.0' as const,
        id,
        source: `/cmp/${contract.service}`,
        type: contract.type,
        time: current.toISOString(),
        subject: key,
        datacontenttype: 'application/json' as const,
        correlationid: `test-${id}`,
        data,
      };
      await producer.send({ topic: contract.topic, messages: [toKafkaBinaryMessage(event, key)] });
      return id;
    },
    async restart() {
      await producer.disconnect();
      await app.close();
      return startNotifications(smtpPort, { ...options, schema, now: current, groupId });
    },
    async close() {
      await producer.disconnect();
      await app.close();
      await schema.drop();
    },
  };
}
