import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { CalendarInvitation, Channel, Language, MessageStatus, TemplateKey, TemplateModel } from '../../domain/message';

/** A message row as the planner queues it. */
export interface PlannedMessage {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly template: string;
  readonly recipientKey: string;
  readonly personId: string | null;
  readonly channel: Channel;
  readonly essential: boolean;
  readonly secret: boolean;
  readonly model: TemplateModel;
  readonly peerId: string | null;
  readonly calendar: CalendarInvitation | null;
  readonly mentions: readonly string[];
  readonly language: Language | null;
  readonly toAddress: string | null;
  readonly status: 'pending' | 'suppressed';
  /** Both when it was planned and when it is first due. */
  readonly plannedAt: Date;
}

/** A delivered inbox message as its owner reads it. */
export interface InboxMessage {
  readonly id: string;
  readonly template: string;
  readonly subject: string | null;
  readonly text: string | null;
  readonly html: string | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

export interface InboxPageQuery {
  readonly unreadOnly: boolean;
  readonly limit: number;
  readonly offset: number;
}

export interface DeliveryLogQuery {
  readonly personId?: string;
  readonly status?: MessageStatus;
  readonly channel?: Channel;
  readonly template?: string;
  readonly limit: number;
  readonly offset: number;
}

/** A message's delivery metadata; never its body. */
export interface DeliveryLogEntry {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly template: string;
  readonly recipientKey: string;
  readonly channel: Channel;
  readonly essential: boolean;
  readonly language: Language | null;
  readonly status: MessageStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date | null;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

/** A message claimed for an attempt. */
export interface DueMessage {
  readonly id: string;
  readonly template: TemplateKey;
  readonly personId: string | null;
  readonly channel: Channel;
  readonly secret: boolean;
  readonly model: TemplateModel;
  readonly peerId: string | null;
  readonly calendar: CalendarInvitation | null;
  readonly language: Language | null;
  readonly toAddress: string | null;
  readonly attempts: number;
  readonly firstAttemptAt: Date | null;
}

/** What a successful attempt leaves on the row; a secret mail keeps no body. */
export interface SentMessage {
  readonly at: Date;
  readonly language: Language;
  readonly toAddress: string | null;
  readonly subject: string;
  readonly text: string | null;
  readonly html: string | null;
}

export interface FailedMessageAttempt {
  readonly status: 'pending' | 'failed';
  readonly attempts: number;
  readonly firstAttemptAt: Date;
  readonly nextAttemptAt: Date | null;
  readonly lastError: string;
}

/** The `messages` table: the durable mail queue, the in-app inboxes and the delivery log in one. */
export abstract class MessageRepository {
  /** False if the event already planned this (recipient, channel): a replay adds nothing. */
  abstract addPlanned(tx: Transaction, message: PlannedMessage): Promise<boolean>;

  abstract inboxPage(tx: ReadTransaction, owner: string, query: InboxPageQuery): Promise<{ total: number; items: InboxMessage[] }>;
  abstract countUnread(tx: ReadTransaction, owner: string): Promise<number>;
  abstract findInboxMessage(tx: ReadTransaction, owner: string, id: string): Promise<InboxMessage | null>;
  abstract markRead(tx: Transaction, id: string, at: Date): Promise<void>;
  /** How many were unread. */
  abstract markAllRead(tx: Transaction, owner: string, at: Date): Promise<number>;

  abstract deliveryLog(tx: ReadTransaction, query: DeliveryLogQuery): Promise<{ total: number; items: DeliveryLogEntry[] }>;

  /**
   * Claims the message due first (at `tx.now`) that no other instance holds, locking it, and
   * moves its next attempt to `lease` so that no one else takes it until the lease runs out.
   */
  abstract claimDue(tx: Transaction, lease: Date): Promise<DueMessage | null>;
  /** Locks the row if this attempt's lease still holds it; false if another attempt took over. */
  abstract lockUnderLease(tx: Transaction, id: string, lease: Date): Promise<boolean>;
  abstract recordSent(tx: Transaction, id: string, sent: SentMessage): Promise<void>;
  abstract recordFailedAttempt(tx: Transaction, id: string, attempt: FailedMessageAttempt): Promise<void>;

  /**
   * Erasure: messages to the person go; messages to others that mention the person keep only
   * their delivery metadata, and unsent ones are cancelled.
   */
  abstract eraseFor(tx: Transaction, personId: string): Promise<void>;
}
