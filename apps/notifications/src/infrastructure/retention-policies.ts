import { DAY_MS, inboxRetentionMs, RetentionPolicy } from '@cmp/messaging';

export interface NotificationsRetention {
  /**
   * Mail and in-app messages once settled (sent, failed, suppressed, cancelled). A participant
   * reads them back in the inbox and the delivery log through the programme (four months) and its
   * follow-ups (+3 and +6 months after completion): 400 days covers that with a margin.
   */
  readonly messageRetentionDays: number;
  /**
   * Partner webhook deliveries once settled, with their attempts: what a partner looks at to find
   * out why an event did not arrive, and redelivers from. 90 days, as common for webhook logs.
   */
  readonly webhookLogRetentionDays: number;
}

export const DEFAULT_NOTIFICATIONS_RETENTION: NotificationsRetention = { messageRetentionDays: 400, webhookLogRetentionDays: 90 };

/**
 * Each row's unique key (event, recipient, channel; subscription, source event, type) also turns a
 * redelivered event into a no-op behind the inbox, so a period shorter than the inbox's retention
 * is refused at start rather than quietly weakening that.
 */
export function notificationsRetentionPolicies(retention: NotificationsRetention = DEFAULT_NOTIFICATIONS_RETENTION): RetentionPolicy[] {
  const floorDays = Math.ceil(inboxRetentionMs() / DAY_MS);
  for (const [name, days] of Object.entries(retention)) {
    if (!Number.isInteger(days) || days < floorDays) throw new Error(`notifications ${name} must be a whole number of days of at least ${floorDays} (the inbox's retention), got ${days}`);
  }
  return [
    { name: 'settled-messages', table: 'messages', agedBy: 'created_at', keepForMs: retention.messageRetentionDays * DAY_MS, onlyWhere: `aged.status <> 'pending'` },
    {
      name: 'settled-webhook-deliveries',
      table: 'webhook_deliveries',
      agedBy: 'created_at',
      keepForMs: retention.webhookLogRetentionDays * DAY_MS,
      // Attempts go with their delivery (ON DELETE CASCADE); so would a younger redelivery of it,
      // so an original waits until its redeliveries have gone.
      onlyWhere: `aged.status <> 'pending' AND NOT EXISTS (SELECT 1 FROM webhook_deliveries redelivery WHERE redelivery.redelivery_of = aged.id)`,
    },
  ];
}
