import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PartnerWebhookEventType } from '@cmp/contracts';
import { Clock, CLOCK } from '@cmp/platform';
import { Language } from '../../domain/message';
import { generateWebhookSecret } from '../../domain/webhook-signature';
import { refusalOfWebhookUrl } from '../../domain/webhook-url-policy';
import { NOTIFICATION_SETTINGS, NotificationSettings } from '../notifications.ports';
import { conflict, notFound, refusedUrl } from '../notifications-errors';

export interface NewSubscription {
  readonly url: string;
  readonly eventTypes: readonly PartnerWebhookEventType[];
  readonly contactEmail?: string;
  readonly language?: Language;
  readonly description?: string;
}

export interface SubscriptionView {
  id: string;
  organisationId: string;
  url: string;
  eventTypes: string[];
  contactEmail: string | null;
  language: Language;
  description: string | null;
  status: 'active' | 'disabled';
  consecutiveFailures: number;
  disabledReason: string | null;
  disabledAt: string | null;
  createdAt: string;
}

export interface DeliveryQuery {
  readonly subscriptionId?: string;
  readonly status?: 'pending' | 'delivered' | 'failed';
  readonly limit: number;
}

const SUBSCRIPTION_COLUMNS = `id, organisation_id, url, event_types, contact_email, language, description, status, consecutive_failures,
  disabled_reason, disabled_at, created_at`;

/** A partner organisation's webhook subscriptions and their delivery log. */
@Injectable()
export class WebhookSubscriptions {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The secret is in this answer only: it is needed in the clear to sign, but never shown again. */
  async create(organisationId: string, input: NewSubscription): Promise<SubscriptionView & { secret: string }> {
    const refusal = refusalOfWebhookUrl(input.url, this.settings.webhookUrlPolicy);
    if (refusal) throw refusedUrl(refusal);
    const [known] = await this.dataSource.query(`SELECT 1 FROM organisations WHERE id = $1`, [organisationId]);
    if (!known) throw notFound('organisation', organisationId);
    const id = randomUUID();
    const secret = generateWebhookSecret();
    await this.dataSource.query(
      `INSERT INTO webhook_subscriptions (id, organisation_id, url, event_types, secret, contact_email, language, description, status, consecutive_failures, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', 0, $9)`,
      [id, organisationId, input.url, [...new Set(input.eventTypes)], secret, input.contactEmail ?? null, input.language ?? 'en', input.description ?? null, this.clock()],
    );
    return { ...(await this.get(organisationId, id)), secret };
  }

  async list(organisationId: string): Promise<SubscriptionView[]> {
    const rows = await this.dataSource.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE organisation_id = $1 ORDER BY created_at`, [organisationId]);
    return rows.map(subscriptionView);
  }

  async get(organisationId: string, id: string): Promise<SubscriptionView> {
    const [row] = await this.dataSource.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE organisation_id = $1 AND id = $2`, [organisationId, id]);
    if (!row) throw notFound('webhook subscription', id);
    return subscriptionView(row);
  }

  /** Switches a disabled subscription back on; what failed meanwhile can be redelivered from the log. */
  async enable(organisationId: string, id: string): Promise<SubscriptionView> {
    const current = await this.get(organisationId, id);
    if (current.status === 'active') return current;
    await this.dataSource.query(
      `UPDATE webhook_subscriptions SET status = 'active', consecutive_failures = 0, disabled_at = NULL, disabled_reason = NULL WHERE id = $1`,
      [id],
    );
    return this.get(organisationId, id);
  }

  async remove(organisationId: string, id: string): Promise<void> {
    await this.get(organisationId, id);
    await this.dataSource.query(`DELETE FROM webhook_subscriptions WHERE id = $1`, [id]);
  }

  async deliveries(organisationId: string, query: DeliveryQuery) {
    const rows = await this.dataSource.query(
      `SELECT id, subscription_id, cloud_event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error, redelivery_of, created_at, delivered_at
       FROM webhook_deliveries WHERE organisation_id = $1 AND ($2::uuid IS NULL OR subscription_id = $2) AND ($3::text IS NULL OR status = $3)
       ORDER BY created_at DESC, id LIMIT $4`,
      [organisationId, query.subscriptionId ?? null, query.status ?? null, query.limit],
    );
    return rows.map(deliveryView);
  }

  /** One delivery with its attempts and the event as sent (the partner's own data). */
  async delivery(organisationId: string, id: string) {
    const [row] = await this.dataSource.query(
      `SELECT id, subscription_id, cloud_event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error, redelivery_of, created_at, delivered_at, payload
       FROM webhook_deliveries WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    );
    if (!row) throw notFound('webhook delivery', id);
    const attempts = await this.dataSource.query(
      `SELECT attempted_at, status_code, error, response_excerpt, duration_ms FROM webhook_attempts WHERE delivery_id = $1 ORDER BY attempted_at, id`,
      [id],
    );
    return {
      ...deliveryView(row),
      event: JSON.parse(row.payload),
      attemptLog: attempts.map((attempt: Record<string, unknown>) => ({
        attemptedAt: (attempt.attempted_at as Date).toISOString(),
        statusCode: attempt.status_code,
        error: attempt.error,
        responseExcerpt: attempt.response_excerpt,
        durationMs: attempt.duration_ms,
      })),
    };
  }

  /**
   * Sends the same event again as a new delivery (new delivery id, same CloudEvent id, so the
   * receiver can tell it already has it).
   */
  async redeliver(organisationId: string, id: string) {
    const original = await this.delivery(organisationId, id);
    const subscription = await this.get(organisationId, original.subscriptionId);
    if (subscription.status !== 'active') throw conflict('the subscription is disabled: enable it before redelivering');
    const newId = randomUUID();
    await this.dataSource.query(
      `INSERT INTO webhook_deliveries (id, subscription_id, organisation_id, cloud_event_id, source_event_id, event_type, participant_id, payload,
         status, attempts, next_attempt_at, redelivery_of, created_at)
       SELECT $1, subscription_id, organisation_id, cloud_event_id, source_event_id, event_type, participant_id, payload, 'pending', 0, $3, id, $3
       FROM webhook_deliveries WHERE id = $2`,
      [newId, id, this.clock()],
    );
    return this.delivery(organisationId, newId);
  }
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function subscriptionView(row: Record<string, unknown>): SubscriptionView {
  return {
    id: row.id as string,
    organisationId: row.organisation_id as string,
    url: row.url as string,
    eventTypes: row.event_types as string[],
    contactEmail: row.contact_email as string | null,
    language: row.language as Language,
    description: row.description as string | null,
    status: row.status as 'active' | 'disabled',
    consecutiveFailures: row.consecutive_failures as number,
    disabledReason: row.disabled_reason as string | null,
    disabledAt: iso(row.disabled_at as Date | null),
    createdAt: (row.created_at as Date).toISOString(),
  };
}

function deliveryView(row: Record<string, unknown>) {
  return {
    id: row.id as string,
    subscriptionId: row.subscription_id as string,
    eventId: row.cloud_event_id as string,
    eventType: row.event_type as string,
    status: row.status as string,
    attempts: row.attempts as number,
    nextAttemptAt: iso(row.next_attempt_at as Date | null),
    lastStatusCode: row.last_status_code as number | null,
    lastError: row.last_error as string | null,
    redeliveryOf: row.redelivery_of as string | null,
    createdAt: (row.created_at as Date).toISOString(),
    deliveredAt: iso(row.delivered_at as Date | null),
  };
}
