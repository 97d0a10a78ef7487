import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@cmp/kernel';
import {
  STRUCTURED_CONTENT_TYPE,
  WEBHOOK_DELIVERY_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WebhookSubscriptionDisabled,
} from '@cmp/contracts';
import { nextAttemptAt, WEBHOOK_RETRY_POLICY } from '../../domain/retry-schedule';
import { signWebhook } from '../../domain/webhook-signature';
import { MessagePlanner } from '../messages/message-planner';
import { NOTIFICATION_SETTINGS, NotificationSettings } from '../notification-settings';
import { OutgoingEvents } from '../outgoing-events';
import { DueWebhookDelivery, WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';
import { WEBHOOK_TRANSPORT, WebhookResponse, WebhookTransport } from './webhook-transport';

export interface WebhookRunSummary {
  delivered: number;
  retrying: number;
  failed: number;
}

/** Who the dispatcher's writes are recorded as. */
const DISPATCHER = 'system:notifications-dispatcher';

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
    private readonly uow: UnitOfWork,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly outgoing: OutgoingEvents,
    private readonly planner: MessagePlanner,
    @Inject(WEBHOOK_TRANSPORT) private readonly transport: WebhookTransport,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
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
    const claim = await this.uow.run(DISPATCHER, (tx) => this.claim(tx));
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
    return this.uow.run(DISPATCHER, (tx) => this.record(tx, row, now, lease, response));
  }

  private async claim(tx: Transaction): Promise<{ kind: 'settled'; outcome: keyof WebhookRunSummary } | { kind: 'claimed'; row: DueWebhookDelivery; now: Date; lease: Date } | null> {
    const now = tx.now;
    const row = await this.deliveries.claimDue(tx);
    if (!row) return null;
    if (row.subscriptionStatus !== 'active') {
      await this.deliveries.failForDisabledSubscription(tx, row.id);
      return { kind: 'settled', outcome: 'failed' };
    }
    const lease = new Date(now.getTime() + this.settings.webhookLeaseMs);
    await this.deliveries.lease(tx, row.id, lease);
    return { kind: 'claimed', row, now, lease };
  }

  /** Records the attempt, unless the lease ran out and another instance took the row meanwhile. */
  private async record(tx: Transaction, row: DueWebhookDelivery, now: Date, lease: Date, response: WebhookResponse): Promise<keyof WebhookRunSummary> {
    if (!(await this.deliveries.lockUnderLease(tx, row.id, lease))) {
      this.logger.warn(`webhook delivery ${row.id}: the attempt outlived its lease and another one took over; this answer is not recorded`);
      return isSuccess(response) ? 'delivered' : 'retrying';
    }
    await this.deliveries.recordAttempt(tx, row.id, now, response);
    const attempts = row.attempts + 1;
    const firstAttemptAt = row.firstAttemptAt ?? now;
    if (isSuccess(response)) {
      await this.deliveries.recordDelivered(tx, row.id, { attempts, firstAttemptAt, deliveredAt: now, statusCode: response.statusCode });
      await this.subscriptions.resetFailures(tx, row.subscriptionId);
      return 'delivered';
    }
    const error = response.error ?? `HTTP ${response.statusCode}`;
    const next = nextAttemptAt(WEBHOOK_RETRY_POLICY, attempts, firstAttemptAt, now);
    await this.deliveries.recordFailedAttempt(tx, row.id, { status: next ? 'pending' : 'failed', attempts, firstAttemptAt, nextAttemptAt: next, statusCode: response.statusCode, error });
    const failures = await this.subscriptions.countFailure(tx, row.subscriptionId);
    if (failures >= this.settings.webhookDisableAfterFailures) await this.disable(tx, row, failures, error, now);
    this.logger.warn(`webhook delivery ${row.id} attempt ${attempts} failed: ${error}`);
    return next ? 'retrying' : 'failed';
  }

  private async disable(tx: Transaction, row: DueWebhookDelivery, failures: number, reason: string, now: Date): Promise<void> {
    if (!(await this.subscriptions.switchOff(tx, row.subscriptionId, reason.slice(0, 500), now))) return;
    // What was still queued would only fail again; it stays in the log for manual redelivery.
    await this.deliveries.failPendingOfSubscription(tx, row.subscriptionId);
    const data = { subscriptionId: row.subscriptionId, organisationId: row.organisationId, consecutiveFailures: failures, reason: reason.slice(0, 500), disabledAt: now.toISOString() };
    const event = await this.outgoing.add(tx, { contract: WebhookSubscriptionDisabled, key: row.subscriptionId, data });
    await this.planner.plan(
      tx,
      event.id,
      event.type,
      [
        {
          template: 'webhook-disabled',
          recipient: { kind: 'partner', organisationId: row.organisationId, ...(row.contactEmail ? { email: row.contactEmail } : {}) },
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
