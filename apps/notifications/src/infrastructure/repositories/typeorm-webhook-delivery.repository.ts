import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import {
  DueWebhookDelivery,
  FailedWebhookAttempt,
  NewWebhookDelivery,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryQuery,
  WebhookDeliveryRepository,
  WebhookDeliveryStatus,
} from '../../application/webhooks/webhook-delivery.repository';
import type { WebhookResponse } from '../../application/webhooks/webhook-transport';
import type { Language } from '../../domain/message';
import { entityManagerOf } from '@cmp/messaging';

const DELIVERY_COLUMNS = `id, subscription_id, cloud_event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error, redelivery_of,
  created_at, delivered_at`;

interface DeliveryRow {
  id: string;
  subscription_id: string;
  cloud_event_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  redelivery_of: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

interface DueRow {
  id: string;
  subscription_id: string;
  organisation_id: string;
  payload: string;
  attempts: number;
  first_attempt_at: Date | null;
  url: string;
  secret: string;
  subscription_status: 'active' | 'disabled';
  contact_email: string | null;
  language: Language;
}

@Injectable()
export class TypeOrmWebhookDeliveryRepository extends WebhookDeliveryRepository {
  async enqueue(tx: Transaction, delivery: NewWebhookDelivery): Promise<boolean> {
    const rows: unknown[] = await entityManagerOf(tx).query(
      `INSERT INTO webhook_deliveries (id, subscription_id, organisation_id, cloud_event_id, source_event_id, event_type, participant_id,
         payload, status, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 0, $9, $9)
       ON CONFLICT (subscription_id, source_event_id, event_type) WHERE redelivery_of IS NULL DO NOTHING RETURNING id`,
      [
        delivery.id,
        delivery.subscriptionId,
        delivery.organisationId,
        delivery.cloudEventId,
        delivery.sourceEventId,
        delivery.eventType,
        delivery.participantId,
        delivery.payload,
        tx.now,
      ],
    );
    return rows.length > 0;
  }

  async list(tx: ReadTransaction, organisationId: string, query: WebhookDeliveryQuery): Promise<WebhookDelivery[]> {
    const rows: DeliveryRow[] = await entityManagerOf(tx).query(
      `SELECT ${DELIVERY_COLUMNS}
       FROM webhook_deliveries WHERE organisation_id = $1 AND ($2::uuid IS NULL OR subscription_id = $2) AND ($3::text IS NULL OR status = $3)
       ORDER BY created_at DESC, id LIMIT $4`,
      [organisationId, query.subscriptionId ?? null, query.status ?? null, query.limit],
    );
    return rows.map(deliveryOf);
  }

  async find(tx: ReadTransaction, organisationId: string, id: string): Promise<(WebhookDelivery & { payload: string }) | null> {
    const [row]: (DeliveryRow & { payload: string })[] = await entityManagerOf(tx).query(
      `SELECT ${DELIVERY_COLUMNS}, payload FROM webhook_deliveries WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    );
    return row ? { ...deliveryOf(row), payload: row.payload } : null;
  }

  async attemptsOf(tx: ReadTransaction, id: string): Promise<WebhookAttempt[]> {
    const rows: { attempted_at: Date; status_code: number | null; error: string | null; response_excerpt: string | null; duration_ms: number }[] =
      await entityManagerOf(tx).query(
        `SELECT attempted_at, status_code, error, response_excerpt, duration_ms FROM webhook_attempts WHERE delivery_id = $1 ORDER BY attempted_at, id`,
        [id],
      );
    return rows.map((row) => ({
      attemptedAt: row.attempted_at,
      statusCode: row.status_code,
      error: row.error,
      responseExcerpt: row.response_excerpt,
      durationMs: row.duration_ms,
    }));
  }

  async addRedelivery(tx: Transaction, originalId: string, id: string): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO webhook_deliveries (id, subscription_id, organisation_id, cloud_event_id, source_event_id, event_type, participant_id, payload,
         status, attempts, next_attempt_at, redelivery_of, created_at)
       SELECT $1, subscription_id, organisation_id, cloud_event_id, source_event_id, event_type, participant_id, payload, 'pending', 0, $3, id, $3
       FROM webhook_deliveries WHERE id = $2`,
      [id, originalId, tx.now],
    );
  }

  async claimDue(tx: Transaction): Promise<DueWebhookDelivery | null> {
    const [row]: DueRow[] = await entityManagerOf(tx).query(
      `SELECT d.id, d.subscription_id, d.organisation_id, d.payload, d.attempts, d.first_attempt_at,
              s.url, s.secret, s.status AS subscription_status, s.contact_email, s.language
       FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= $1
       ORDER BY d.next_attempt_at, d.created_at LIMIT 1 FOR UPDATE OF d SKIP LOCKED`,
      [tx.now],
    );
    if (!row) return null;
    return {
      id: row.id,
      subscriptionId: row.subscription_id,
      organisationId: row.organisation_id,
      payload: row.payload,
      attempts: row.attempts,
      firstAttemptAt: row.first_attempt_at,
      url: row.url,
      secret: row.secret,
      subscriptionStatus: row.subscription_status,
      contactEmail: row.contact_email,
      language: row.language,
    };
  }

  async lease(tx: Transaction, id: string, until: Date): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE webhook_deliveries SET next_attempt_at = $2 WHERE id = $1`, [id, until]);
  }

  async lockUnderLease(tx: Transaction, id: string, lease: Date): Promise<boolean> {
    const [held]: unknown[] = await entityManagerOf(tx).query(
      `SELECT 1 FROM webhook_deliveries WHERE id = $1 AND status = 'pending' AND next_attempt_at = $2 FOR UPDATE`,
      [id, lease],
    );
    return held !== undefined;
  }

  async recordAttempt(tx: Transaction, id: string, attemptedAt: Date, response: WebhookResponse): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, error, response_excerpt, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, attemptedAt, response.statusCode, response.error, response.excerpt, response.durationMs],
    );
  }

  async recordDelivered(tx: Transaction, id: string, delivered: { attempts: number; firstAttemptAt: Date; deliveredAt: Date; statusCode: number | null }): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE webhook_deliveries SET status = 'delivered', attempts = $2, first_attempt_at = $3, delivered_at = $4, next_attempt_at = NULL,
         last_status_code = $5, last_error = NULL WHERE id = $1`,
      [id, delivered.attempts, delivered.firstAttemptAt, delivered.deliveredAt, delivered.statusCode],
    );
  }

  async recordFailedAttempt(tx: Transaction, id: string, attempt: FailedWebhookAttempt): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE webhook_deliveries SET status = $2, attempts = $3, first_attempt_at = $4, next_attempt_at = $5, last_status_code = $6, last_error = $7 WHERE id = $1`,
      [id, attempt.status, attempt.attempts, attempt.firstAttemptAt, attempt.nextAttemptAt, attempt.statusCode, attempt.error],
    );
  }

  async failForDisabledSubscription(tx: Transaction, id: string): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = 'subscription disabled' WHERE id = $1`, [id]);
  }

  async failPendingOfSubscription(tx: Transaction, subscriptionId: string): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = 'subscription disabled' WHERE subscription_id = $1 AND status = 'pending'`,
      [subscriptionId],
    );
  }

  async eraseFor(tx: Transaction, personId: string): Promise<void> {
    await entityManagerOf(tx).query(`DELETE FROM webhook_deliveries WHERE participant_id = $1`, [personId]);
  }
}

function deliveryOf(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    cloudEventId: row.cloud_event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    redeliveryOf: row.redelivery_of,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}
