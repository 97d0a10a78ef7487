import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  STRUCTURED_CONTENT_TYPE,
  WEBHOOK_DELIVERY_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WebhookSubscriptionDisabled,
} from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { Language } from '../../domain/message';
import { nextAttemptAt, WEBHOOK_RETRY_POLICY } from '../../domain/retry-schedule';
import { signWebhook } from '../../domain/webhook-signature';
import { MessagePlanner } from '../messages/message-planner';
import { NOTIFICATION_SETTINGS, NotificationSettings, WEBHOOK_TRANSPORT, WebhookResponse, WebhookTransport } from '../notifications.ports';

interface DueDelivery {
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

export interface WebhookRunSummary {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Sends due webhook deliveries: each row is claimed with `FOR UPDATE SKIP LOCKED` under a lease,
 * signed afresh (timestamp of this attempt), posted outside any transaction within the
 * transport's deadline, and its attempt logged. A non-2xx answer or a
 * network error schedules the next attempt by exponential backoff for up to 24 hours; after
 * `webhookDisableAfterFailures` consecutive failures the subscription is switched off, which is
 * announced by an event and a message to the partner.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger(WebhookDispatcher.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly planner: MessagePlanner,
    @Inject(WEBHOOK_TRANSPORT) private readonly transport: WebhookTransport,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async runDueWebhooks(limit = 100): Promise<WebhookRunSummary> {
    const summary: WebhookRunSummary = { delivered: 0, retrying: 0, failed: 0 };
    for (let i = 0; i < limit; i += 1) {
      const outcome = await this.deliverOne();
      if (outcome === null) break;
      summary[outcome] += 1;
    }
    return summary;
  }

  /**
   * Claim, commit, post, record: the claim moves the row's next attempt past the post's deadline
   * (a lease), so no transaction and no row lock is held while a partner's endpoint answers, and
   * a second instance leaves the row alone. An instance that dies mid-post leaves the lease to
   * run out, and the row is tried again (at least once; the delivery id lets the partner dedupe).
   */
  private async deliverOne(): Promise<keyof WebhookRunSummary | null> {
    const claim = await this.dataSource.transaction((manager) => this.claim(manager));
    if (claim === null) return null;
    if (claim.kind === 'settled') return claim.outcome;
    const { row, now, lease } = claim;
    const timestamp = Math.floor(now.getTime() / 1000);
    const response = await this.transport.post({
      url: row.url,
      body: row.payload,
      headers: {
        'content-type': STRUCTURED_CONTENT_TYPE,
        'user-agent': 'CMP-Webhooks/1.0',
        [WEBHOOK_DELIVERY_ID_HEADER]: row.id,
        [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
        [WEBHOOK_SIGNATURE_HEADER]: signWebhook(row.secret, timestamp, row.payload),
      },
    });
    return this.dataSource.transaction((manager) => this.record(manager, row, now, lease, response));
  }

  private async claim(manager: EntityManager): Promise<{ kind: 'settled'; outcome: keyof WebhookRunSummary } | { kind: 'claimed'; row: DueDelivery; now: Date; lease: Date } | null> {
    const now = this.clock();
    const [row]: DueDelivery[] = await manager.query(
      `SELECT d.id, d.subscription_id, d.organisation_id, d.payload, d.attempts, d.first_attempt_at,
              s.url, s.secret, s.status AS subscription_status, s.contact_email, s.language
       FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= $1
       ORDER BY d.next_attempt_at, d.created_at LIMIT 1 FOR UPDATE OF d SKIP LOCKED`,
      [now],
    );
    if (!row) return null;
    if (row.subscription_status !== 'active') {
      await manager.query(`UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = 'subscription disabled' WHERE id = $1`, [row.id]);
      return { kind: 'settled', outcome: 'failed' };
    }
    const lease = new Date(now.getTime() + this.settings.webhookLeaseMs);
    await manager.query(`UPDATE webhook_deliveries SET next_attempt_at = $2 WHERE id = $1`, [row.id, lease]);
    return { kind: 'claimed', row, now, lease };
  }

  /** Records the attempt, unless the lease ran out and another instance took the row meanwhile. */
  private async record(manager: EntityManager, row: DueDelivery, now: Date, lease: Date, response: WebhookResponse): Promise<keyof WebhookRunSummary> {
    const [held]: unknown[] = await manager.query(`SELECT 1 FROM webhook_deliveries WHERE id = $1 AND status = 'pending' AND next_attempt_at = $2 FOR UPDATE`, [row.id, lease]);
    if (!held) {
      this.logger.warn(`webhook delivery ${row.id}: the attempt outlived its lease and another one took over; this answer is not recorded`);
      return isSuccess(response) ? 'delivered' : 'retrying';
    }
    await manager.query(
      `INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, error, response_excerpt, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.id, now, response.statusCode, response.error, response.excerpt, response.durationMs],
    );
    const attempts = row.attempts + 1;
    const firstAttemptAt = row.first_attempt_at ?? now;
    if (isSuccess(response)) {
      await manager.query(
        `UPDATE webhook_deliveries SET status = 'delivered', attempts = $2, first_attempt_at = $3, delivered_at = $4, next_attempt_at = NULL,
           last_status_code = $5, last_error = NULL WHERE id = $1`,
        [row.id, attempts, firstAttemptAt, now, response.statusCode],
      );
      await manager.query(`UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = $1`, [row.subscription_id]);
      return 'delivered';
    }
    const error = response.error ?? `HTTP ${response.statusCode}`;
    const next = nextAttemptAt(WEBHOOK_RETRY_POLICY, attempts, firstAttemptAt, now);
    await manager.query(
      `UPDATE webhook_deliveries SET status = $2, attempts = $3, first_attempt_at = $4, next_attempt_at = $5, last_status_code = $6, last_error = $7 WHERE id = $1`,
      [row.id, next ? 'pending' : 'failed', attempts, firstAttemptAt, next, response.statusCode, error],
    );
    // TypeORM answers an UPDATE with [rows, affected].
    const [[{ consecutive_failures: failures }]]: [{ consecutive_failures: number }[], number] = await manager.query(
      `UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1 WHERE id = $1 RETURNING consecutive_failures`,
      [row.subscription_id],
    );
    if (failures >= this.settings.webhookDisableAfterFailures) await this.disable(manager, row, failures, error, now);
    this.logger.warn(`webhook delivery ${row.id} attempt ${attempts} failed: ${error}`);
    return next ? 'retrying' : 'failed';
  }

  private async disable(manager: EntityManager, row: DueDelivery, failures: number, reason: string, now: Date): Promise<void> {
    const [, switchedOff]: [unknown[], number] = await manager.query(
      `UPDATE webhook_subscriptions SET status = 'disabled', disabled_at = $2, disabled_reason = $3 WHERE id = $1 AND status = 'active'`,
      [row.subscription_id, now, reason.slice(0, 500)],
    );
    if (switchedOff === 0) return;
    // What was still queued would only fail again; it stays in the log for manual redelivery.
    await manager.query(
      `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = 'subscription disabled' WHERE subscription_id = $1 AND status = 'pending'`,
      [row.subscription_id],
    );
    const data = { subscriptionId: row.subscription_id, organisationId: row.organisation_id, consecutiveFailures: failures, reason: reason.slice(0, 500), disabledAt: now.toISOString() };
    const [event] = await this.outbox.add(manager, { contract: WebhookSubscriptionDisabled, key: row.subscription_id, data });
    await this.planner.plan(
      manager,
      event.id,
      event.type,
      [
        {
          template: 'webhook-disabled',
          recipient: { kind: 'partner', organisationId: row.organisation_id, ...(row.contact_email ? { email: row.contact_email } : {}) },
          channels: ['inbox', 'email'],
          essential: true,
          model: { ...data, url: row.url },
        },
      ],
      row.language,
    );
  }
}

function isSuccess(response: WebhookResponse): boolean {
  return response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300;
}
