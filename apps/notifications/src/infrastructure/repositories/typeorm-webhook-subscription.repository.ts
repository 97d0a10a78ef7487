import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { NewWebhookSubscription, WebhookSubscription, WebhookSubscriptionRepository } from '../../application/webhooks/webhook-subscription.repository';
import type { Language } from '../../domain/message';
import { entityManagerOf } from '@cmp/messaging';

/** Never the secret: it leaves only with the answer that created it. */
const SUBSCRIPTION_COLUMNS = `id, organisation_id, url, event_types, contact_email, language, description, status, consecutive_failures,
  disabled_reason, disabled_at, created_at`;

interface SubscriptionRow {
  id: string;
  organisation_id: string;
  url: string;
  event_types: string[];
  contact_email: string | null;
  language: Language;
  description: string | null;
  status: 'active' | 'disabled';
  consecutive_failures: number;
  disabled_reason: string | null;
  disabled_at: Date | null;
  created_at: Date;
}

@Injectable()
export class TypeOrmWebhookSubscriptionRepository extends WebhookSubscriptionRepository {
  async add(tx: Transaction, subscription: NewWebhookSubscription): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO webhook_subscriptions (id, organisation_id, url, event_types, secret, contact_email, language, description, status, consecutive_failures, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', 0, $9)`,
      [
        subscription.id,
        subscription.organisationId,
        subscription.url,
        [...subscription.eventTypes],
        subscription.secret,
        subscription.contactEmail,
        subscription.language,
        subscription.description,
        tx.now,
      ],
    );
  }

  async list(tx: ReadTransaction, organisationId: string): Promise<WebhookSubscription[]> {
    const rows: SubscriptionRow[] = await entityManagerOf(tx).query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE organisation_id = $1 ORDER BY created_at`,
      [organisationId],
    );
    return rows.map(subscriptionOf);
  }

  async find(tx: ReadTransaction, organisationId: string, id: string): Promise<WebhookSubscription | null> {
    const [row]: SubscriptionRow[] = await entityManagerOf(tx).query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    );
    return row ? subscriptionOf(row) : null;
  }

  async activeIdsFor(tx: ReadTransaction, organisationId: string, eventType: string): Promise<string[]> {
    const rows: { id: string }[] = await entityManagerOf(tx).query(
      `SELECT id FROM webhook_subscriptions WHERE organisation_id = $1 AND status = 'active' AND $2 = ANY (event_types)`,
      [organisationId, eventType],
    );
    return rows.map((row) => row.id);
  }

  async enable(tx: Transaction, id: string): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE webhook_subscriptions SET status = 'active', consecutive_failures = 0, disabled_at = NULL, disabled_reason = NULL WHERE id = $1`,
      [id],
    );
  }

  async remove(tx: Transaction, id: string): Promise<void> {
    await entityManagerOf(tx).query(`DELETE FROM webhook_subscriptions WHERE id = $1`, [id]);
  }

  async resetFailures(tx: Transaction, id: string): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = $1`, [id]);
  }

  async countFailure(tx: Transaction, id: string): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [[{ consecutive_failures: failures }]]: [{ consecutive_failures: number }[], number] = await entityManagerOf(tx).query(
      `UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1 WHERE id = $1 RETURNING consecutive_failures`,
      [id],
    );
    return failures;
  }

  async switchOff(tx: Transaction, id: string, reason: string, at: Date): Promise<boolean> {
    const [, switchedOff]: [unknown[], number] = await entityManagerOf(tx).query(
      `UPDATE webhook_subscriptions SET status = 'disabled', disabled_at = $2, disabled_reason = $3 WHERE id = $1 AND status = 'active'`,
      [id, at, reason],
    );
    return switchedOff > 0;
  }
}

function subscriptionOf(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    url: row.url,
    eventTypes: row.event_types,
    contactEmail: row.contact_email,
    language: row.language,
    description: row.description,
    status: row.status,
    consecutiveFailures: row.consecutive_failures,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
  };
}
