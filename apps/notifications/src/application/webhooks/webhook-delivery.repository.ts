import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { Language } from '../../domain/message';
import type { WebhookResponse } from './webhook-transport';

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface NewWebhookDelivery {
  readonly id: string;
  readonly subscriptionId: string;
  readonly organisationId: string;
  /** The CloudEvent id the partner sees; shared by every subscription's copy and by redeliveries. */
  readonly cloudEventId: string;
  readonly sourceEventId: string;
  readonly eventType: string;
  /** Kept (never sent) so that erasure can delete the delivery. */
  readonly participantId: string;
  readonly payload: string;
}

export interface WebhookDelivery {
  readonly id: string;
  readonly subscriptionId: string;
  readonly cloudEventId: string;
  readonly eventType: string;
  readonly status: WebhookDeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date | null;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly redeliveryOf: string | null;
  readonly createdAt: Date;
  readonly deliveredAt: Date | null;
}

export interface WebhookAttempt {
  readonly attemptedAt: Date;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly responseExcerpt: string | null;
  readonly durationMs: number;
}

export interface WebhookDeliveryQuery {
  readonly subscriptionId?: string;
  readonly status?: WebhookDeliveryStatus;
  readonly limit: number;
}

/** A delivery claimed for an attempt, with what its subscription says about where and how. */
export interface DueWebhookDelivery {
  readonly id: string;
  readonly subscriptionId: string;
  readonly organisationId: string;
  readonly payload: string;
  readonly attempts: number;
  readonly firstAttemptAt: Date | null;
  readonly url: string;
  readonly secret: string;
  readonly subscriptionStatus: 'active' | 'disabled';
  readonly contactEmail: string | null;
  readonly language: Language;
}

export interface FailedWebhookAttempt {
  readonly status: 'pending' | 'failed';
  readonly attempts: number;
  readonly firstAttemptAt: Date;
  readonly nextAttemptAt: Date | null;
  readonly statusCode: number | null;
  readonly error: string;
}

/** The durable queue of webhook deliveries, its attempt log and the partner's view of both. */
export abstract class WebhookDeliveryRepository {
  /** Due at `tx.now`; false if this subscription already has the source event's delivery (a replay). */
  abstract enqueue(tx: Transaction, delivery: NewWebhookDelivery): Promise<boolean>;
  abstract list(tx: ReadTransaction, organisationId: string, query: WebhookDeliveryQuery): Promise<WebhookDelivery[]>;
  abstract find(tx: ReadTransaction, organisationId: string, id: string): Promise<(WebhookDelivery & { readonly payload: string }) | null>;
  abstract attemptsOf(tx: ReadTransaction, id: string): Promise<WebhookAttempt[]>;
  /** A copy of the delivery as a new one due at `tx.now`: new id, same CloudEvent. */
  abstract addRedelivery(tx: Transaction, originalId: string, id: string): Promise<void>;

  /** Locks the delivery due first (at `tx.now`) that no other instance holds. */
  abstract claimDue(tx: Transaction): Promise<DueWebhookDelivery | null>;
  abstract lease(tx: Transaction, id: string, until: Date): Promise<void>;
  /** Locks the row if this attempt's lease still holds it; false if another attempt took over. */
  abstract lockUnderLease(tx: Transaction, id: string, lease: Date): Promise<boolean>;
  abstract recordAttempt(tx: Transaction, id: string, attemptedAt: Date, response: WebhookResponse): Promise<void>;
  abstract recordDelivered(tx: Transaction, id: string, delivered: { attempts: number; firstAttemptAt: Date; deliveredAt: Date; statusCode: number | null }): Promise<void>;
  abstract recordFailedAttempt(tx: Transaction, id: string, attempt: FailedWebhookAttempt): Promise<void>;
  /** Gives up on one delivery, or on all still pending for a subscription, because it was switched off. */
  abstract failForDisabledSubscription(tx: Transaction, id: string): Promise<void>;
  abstract failPendingOfSubscription(tx: Transaction, subscriptionId: string): Promise<void>;
  abstract eraseFor(tx: Transaction, personId: string): Promise<void>;
}
