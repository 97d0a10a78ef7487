import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { Language } from '../../domain/message';

export interface WebhookSubscription {
  readonly id: string;
  readonly organisationId: string;
  readonly url: string;
  readonly eventTypes: string[];
  readonly contactEmail: string | null;
  readonly language: Language;
  readonly description: string | null;
  readonly status: 'active' | 'disabled';
  readonly consecutiveFailures: number;
  readonly disabledReason: string | null;
  readonly disabledAt: Date | null;
  readonly createdAt: Date;
}

export interface NewWebhookSubscription {
  readonly id: string;
  readonly organisationId: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  /** Kept in the clear: every attempt is signed with it afresh. */
  readonly secret: string;
  readonly contactEmail: string | null;
  readonly language: Language;
  readonly description: string | null;
}

/** A partner organisation's webhook subscriptions and their health. */
export abstract class WebhookSubscriptionRepository {
  /** Created active, at `tx.now`. */
  abstract add(tx: Transaction, subscription: NewWebhookSubscription): Promise<void>;
  abstract list(tx: ReadTransaction, organisationId: string): Promise<WebhookSubscription[]>;
  abstract find(tx: ReadTransaction, organisationId: string, id: string): Promise<WebhookSubscription | null>;
  /** The organisation's active subscriptions to the event type. */
  abstract activeIdsFor(tx: ReadTransaction, organisationId: string, eventType: string): Promise<string[]>;
  /** Back on, with its failure count and switch-off reason cleared. */
  abstract enable(tx: Transaction, id: string): Promise<void>;
  /** With its deliveries and their attempts. */
  abstract remove(tx: Transaction, id: string): Promise<void>;
  abstract resetFailures(tx: Transaction, id: string): Promise<void>;
  /** Counts one more consecutive failure; answers the new count. */
  abstract countFailure(tx: Transaction, id: string): Promise<number>;
  /** False if it was no longer active (another attempt switched it off first). */
  abstract switchOff(tx: Transaction, id: string, reason: string, at: Date): Promise<boolean>;
}
