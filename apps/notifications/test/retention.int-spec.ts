import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DAY_MS, RetentionSweeper } from '@cmp/messaging';
import { createScratchSchema, ScratchSchema, testInfrastructure } from '@cmp/testing';
import { DEFAULT_NOTIFICATIONS_RETENTION, notificationsRetentionPolicies } from '../src/infrastructure/retention-policies';
import { NotificationsConfig } from '../src/notifications.config';
import { NotificationsModule } from '../src/notifications.module';

describe('notifications retention', () => {
  const now = new Date('2028-03-01T10:00:00Z');
  let schema: ScratchSchema;
  let app: INestApplication;
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const sql = (text: string, values: unknown[] = []) => app.get(DataSource).query(text, values);

  // The service's own module on a scratch schema; no consumer and no delivery loop: the rows are written here.
  beforeAll(async () => {
    const infra = testInfrastructure();
    // The service's own defaults: retention does not depend on how webhooks or mail are tuned.
    const config = new NotificationsConfig();
    schema = await createScratchSchema('notifications_retention');
    const moduleRef = await Test.createTestingModule({
      imports: [
        NotificationsModule.forRoot({
          databaseUrl: schema.databaseUrl,
          schema: schema.name,
          brokers: infra.kafkaBrokers,
          sasl: infra.kafkaSasl,
          clock: () => now,
          smtp: { host: '127.0.0.1', port: 9, secure: false },
          mailFrom: { name: 'CMP test', email: 'no-reply@cmp.test' },
          pollIntervalMs: 0,
          webhookUrlPolicy: { allowHttp: config.WEBHOOK_ALLOW_HTTP, allowPrivateAddresses: config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES },
          webhookDisableAfterFailures: config.WEBHOOK_DISABLE_AFTER_FAILURES,
          webhookTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
          mailDeadlineMs: config.MAIL_SEND_DEADLINE_MS,
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await schema?.drop();
  });

  async function message(status: string, daysAgo: number): Promise<string> {
    const id = randomUUID();
    await sql(
      `INSERT INTO messages (id, event_id, event_type, template, recipient_key, channel, essential, secret, model, mentions, status, created_at)
       VALUES ($1, $2, 'dk.cmp.test.thing.v1', 'test', $3, 'inbox', false, false, '{}', '{}', $4, $5)`,
      [id, randomUUID(), `person:${randomUUID()}`, status, ago(daysAgo)],
    );
    return id;
  }

  async function delivery(subscriptionId: string, status: string, daysAgo: number, redeliveryOf: string | null = null): Promise<string> {
    const id = randomUUID();
    await sql(
      `INSERT INTO webhook_deliveries (id, subscription_id, organisation_id, cloud_event_id, source_event_id, event_type, participant_id, payload, status, redelivery_of, created_at)
       VALUES ($1, $2, $3, $4, $5, 'dk.cmp.test.thing.v1', $6, '{}', $7, $8, $9)`,
      [id, subscriptionId, randomUUID(), randomUUID(), randomUUID(), randomUUID(), status, redeliveryOf, ago(daysAgo)],
    );
    await sql(`INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, duration_ms) VALUES ($1, $2, 200, 12)`, [id, ago(daysAgo)]);
    return id;
  }

  it('deletes settled messages after 400 days and settled webhook deliveries with their attempts after 90', async () => {
    const { messageRetentionDays, webhookLogRetentionDays } = DEFAULT_NOTIFICATIONS_RETENTION;
    const oldSent = await message('sent', messageRetentionDays + 1);
    const oldFailed = await message('failed', messageRetentionDays + 1);
    const youngSent = await message('sent', messageRetentionDays - 1);
    const oldPending = await message('pending', messageRetentionDays + 1);

    const subscriptionId = randomUUID();
    await sql(
      `INSERT INTO webhook_subscriptions (id, organisation_id, url, event_types, secret, language, status, created_at) VALUES ($1, $2, 'http://127.0.0.1:9/hook', '{}', 's', 'en', 'active', $3)`,
      [subscriptionId, randomUUID(), ago(1000)],
    );
    const oldDelivered = await delivery(subscriptionId, 'delivered', webhookLogRetentionDays + 5);
    const youngDelivered = await delivery(subscriptionId, 'delivered', webhookLogRetentionDays - 5);
    const oldPendingDelivery = await delivery(subscriptionId, 'pending', webhookLogRetentionDays + 5);
    // An original with a younger redelivery waits: deleting it would cascade to the redelivery.
    const redelivered = await delivery(subscriptionId, 'failed', webhookLogRetentionDays + 5);
    const redelivery = await delivery(subscriptionId, 'delivered', webhookLogRetentionDays - 5, redelivered);

    expect(await app.get(RetentionSweeper).sweep()).toMatchObject({ 'settled-messages': 2, 'settled-webhook-deliveries': 1 });

    const messages = (await sql('SELECT id FROM messages')).map((row: { id: string }) => row.id);
    expect(messages.sort()).toEqual([youngSent, oldPending].sort());
    expect(messages).not.toContain(oldSent);
    expect(messages).not.toContain(oldFailed);
    const deliveries = (await sql('SELECT id FROM webhook_deliveries')).map((row: { id: string }) => row.id);
    expect(deliveries.sort()).toEqual([youngDelivered, oldPendingDelivery, redelivered, redelivery].sort());
    const attempts = (await sql('SELECT delivery_id FROM webhook_attempts')).map((row: { delivery_id: string }) => row.delivery_id);
    expect(attempts).not.toContain(oldDelivered);
    expect(attempts).toHaveLength(4);
  });

  it('refuses a period shorter than the inbox keeps event ids', () => {
    expect(() => notificationsRetentionPolicies({ messageRetentionDays: 400, webhookLogRetentionDays: 7 })).toThrow(/webhookLogRetentionDays must be a whole number of days of at least/);
  });
});
