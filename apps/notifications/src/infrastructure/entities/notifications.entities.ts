import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarInvitation, TemplateModel } from '../../domain/message';

@Entity('preferences')
export class PreferenceEntity {
  @PrimaryColumn('uuid') personId: string;
  /** Whether the person wants messages that are not essential (reminders, nudges, surveys). */
  @Column('boolean') nonEssential: boolean;
  @Column('timestamptz') updatedAt: Date;
}

export type MessageStatus = 'pending' | 'sent' | 'failed' | 'suppressed' | 'cancelled';

@Entity('messages')
export class MessageEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') eventId: string;
  @Column('text') eventType: string;
  @Column('text') template: string;
  @Column('text') recipientKey: string;
  @Column('uuid', { nullable: true }) personId: string | null;
  @Column('text') channel: 'email' | 'inbox';
  @Column('boolean') essential: boolean;
  @Column('boolean') secret: boolean;
  @Column('jsonb') model: TemplateModel;
  @Column('uuid', { nullable: true }) peerId: string | null;
  @Column('jsonb', { nullable: true }) calendar: CalendarInvitation | null;
  @Column('uuid', { array: true }) mentions: string[];
  @Column('text', { nullable: true }) language: 'en' | 'da' | null;
  @Column('text', { nullable: true }) toAddress: string | null;
  @Column('text', { nullable: true }) subject: string | null;
  @Column('text', { nullable: true }) textBody: string | null;
  @Column('text', { nullable: true }) htmlBody: string | null;
  @Column('text') status: MessageStatus;
  @Column('int') attempts: number;
  @Column('timestamptz', { nullable: true }) nextAttemptAt: Date | null;
  @Column('timestamptz', { nullable: true }) firstAttemptAt: Date | null;
  @Column('text', { nullable: true }) lastError: string | null;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz', { nullable: true }) sentAt: Date | null;
  @Column('timestamptz', { nullable: true }) readAt: Date | null;
}

/**
 * The tables read through repositories. The contact directory, the partner read model and the
 * webhook tables are written with SQL (upserts, `FOR UPDATE SKIP LOCKED` claims); the migration
 * is their definition.
 */
export const NOTIFICATIONS_ENTITIES = [PreferenceEntity, MessageEntity];
