import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { EventContract } from '@cmp/contracts';
import { CloudEventsKafkaServer, connectEventConsumer, createKafka, TopicProvisioner } from '@cmp/messaging';
import { createServiceTestApp, ScratchSchema, ServiceTestApp, startTsProcess, testInfrastructure, TestEventPublisher, TsProcess, uniqueSuffix } from '@cmp/testing';
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

export interface NotificationsTestApp extends Omit<ServiceTestApp<CloudEventsKafkaServer>, 'close'> {
  runDueMessages: MessageDispatcher['runDueMessages'];
  runDueWebhooks: WebhookDispatcher['runDueWebhooks'];
  /** Publishes as the contract's producer would, stamped with the test's clock; resolves with the event id. */
  publish<T extends object>(contract: EventContract<T>, key: string, data: T | null, id?: string): Promise<string>;
  /** Stops this instance and starts a new one on the same schema and clock: a service restart. */
  restart(): Promise<NotificationsTestApp>;
  /** Stops the instance and drops its schema (also the one a restarted instance took over). */
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
  // The group starts at the end of these topics, so they must exist before it is committed.
  await new TopicProvisioner(createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'notifications-test' })).ensure(CONSUMED_TOPICS);
  const service = await createServiceTestApp({
    service: 'notifications',
    now: options.now ?? new Date('2027-02-01T09:00:00Z'),
    ...(options.schema ? { schema: options.schema } : {}),
    module: (wiring) =>
      NotificationsModule.forRoot({
        ...wiring,
        smtp: { host: '127.0.0.1', port: smtpPort, secure: false },
        mailFrom: { name: 'CMP test', email: 'no-reply@cmp.test' },
        webhookUrlPolicy: { allowHttp: true, allowPrivateAddresses: true },
        webhookDisableAfterFailures: options.disableAfterFailures ?? 10,
        webhookTimeoutMs: 3000,
        mailDeadlineMs: new NotificationsConfig().MAIL_SEND_DEADLINE_MS,
        pollIntervalMs: options.pollIntervalMs ?? 0,
      }),
    consume: connectEventConsumer,
    // Only events published from here on: the shared test broker holds every earlier suite's
    // events, and planning and dispatching all of them would bury this test's few messages.
    // A restart rejoins its group where it left off, as a restarted service does.
    ...(options.groupId ? { groupId: options.groupId } : { consumeFromNowOn: CONSUMED_TOPICS }),
  });
  let publisher: TestEventPublisher;
  try {
    publisher = await TestEventPublisher.connect('notifications-test');
  } catch (error) {
    await service.close();
    if (options.schema) await options.schema.drop();
    throw error;
  }
  const messages = service.app.get(MessageDispatcher);
  const webhooks = service.app.get(WebhookDispatcher);
  return {
    ...service,
    runDueMessages: (limit = 1000) => messages.runDueMessages(limit),
    runDueWebhooks: (limit = 1000) => webhooks.runDueWebhooks(limit),
    publish: (contract, key, data, id) => publisher.publish(contract, key, data, { ...(id ? { id } : {}), time: service.now() }),
    async restart() {
      await publisher.disconnect();
      // The app only: the schema outlives the restart, and the new instance drops it on close.
      await service.app.close();
      return startNotifications(smtpPort, { ...options, schema: service.schema, now: service.now(), groupId: service.groupId });
    },
    async close() {
      await publisher.disconnect();
      await service.close();
      // A restarted instance runs on the schema its predecessor created, which createServiceTestApp leaves alone.
      if (options.schema) await options.schema.drop();
    },
  };
}
