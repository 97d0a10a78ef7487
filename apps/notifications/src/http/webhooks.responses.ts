import type { WebhookDelivery } from '../application/webhooks/webhook-delivery.repository';
import type { WebhookSubscription } from '../application/webhooks/webhook-subscription.repository';
import type { WebhookDeliveryDetail } from '../application/webhooks/webhook-subscriptions';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Never the signing secret: that leaves once, with the answer that created the subscription. */
export function subscriptionResponse(subscription: WebhookSubscription) {
  return {
    id: subscription.id,
    organisationId: subscription.organisationId,
    url: subscription.url,
    eventTypes: subscription.eventTypes,
    contactEmail: subscription.contactEmail,
    language: subscription.language,
    description: subscription.description,
    status: subscription.status,
    consecutiveFailures: subscription.consecutiveFailures,
    disabledReason: subscription.disabledReason,
    disabledAt: iso(subscription.disabledAt),
    createdAt: subscription.createdAt.toISOString(),
  };
}

export function createdSubscriptionResponse({ subscription, secret }: { subscription: WebhookSubscription; secret: string }) {
  return { ...subscriptionResponse(subscription), secret };
}

export function deliveryResponse(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    subscriptionId: delivery.subscriptionId,
    eventId: delivery.cloudEventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    redeliveryOf: delivery.redeliveryOf,
    createdAt: delivery.createdAt.toISOString(),
    deliveredAt: iso(delivery.deliveredAt),
  };
}

/** The event as sent is the partner's own data; the attempt log is what its endpoint answered. */
export function deliveryDetailResponse(detail: WebhookDeliveryDetail) {
  return {
    ...deliveryResponse(detail.delivery),
    event: detail.event,
    attemptLog: detail.attemptLog.map((attempt) => ({
      attemptedAt: attempt.attemptedAt.toISOString(),
      statusCode: attempt.statusCode,
      error: attempt.error,
      responseExcerpt: attempt.responseExcerpt,
      durationMs: attempt.durationMs,
    })),
  };
}
