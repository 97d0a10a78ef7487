import type { InboxPage } from '../application/messages/inbox';
import type { DeliveryLogEntry, InboxMessage } from '../application/messages/message.repository';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** A message not rendered yet has no body; the inbox shows it as empty rather than missing. */
export function inboxItemResponse(message: InboxMessage) {
  return {
    id: message.id,
    template: message.template,
    subject: message.subject ?? '',
    text: message.text ?? '',
    html: message.html ?? '',
    createdAt: message.createdAt.toISOString(),
    readAt: iso(message.readAt),
  };
}

export function inboxPageResponse(page: InboxPage) {
  return { total: page.total, unread: page.unread, items: page.items.map(inboxItemResponse) };
}

/** Metadata only: bodies can hold a person's secret link or another person's email address. */
export function deliveryLogResponse(log: { total: number; items: DeliveryLogEntry[] }) {
  return {
    total: log.total,
    items: log.items.map((entry) => ({
      id: entry.id,
      eventId: entry.eventId,
      eventType: entry.eventType,
      template: entry.template,
      recipient: entry.recipientKey,
      channel: entry.channel,
      essential: entry.essential,
      language: entry.language,
      status: entry.status,
      attempts: entry.attempts,
      nextAttemptAt: iso(entry.nextAttemptAt),
      lastError: entry.lastError,
      createdAt: entry.createdAt.toISOString(),
      sentAt: iso(entry.sentAt),
    })),
  };
}
