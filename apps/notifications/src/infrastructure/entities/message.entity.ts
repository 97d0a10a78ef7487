import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarInvitation, Channel, Language, MessageStatus, TemplateModel } from '../../domain/message';

@Entity('messages')
export class MessageEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') eventId: string;
  @Column('text') eventType: string;
  @Column('text') template: string;
  @Column('text') recipientKey: string;
  @Column('uuid', { nullable: true }) personId: string | null;
  @Column('text') channel: Channel;
  @Column('boolean') essential: boolean;
  @Column('boolean') secret: boolean;
  @Column('jsonb') model: TemplateModel;
  @Column('uuid', { nullable: true }) peerId: string | null;
  @Column('jsonb', { nullable: true }) calendar: CalendarInvitation | null;
  @Column('uuid', { array: true }) mentions: string[];
  @Column('text', { nullable: true }) language: Language | null;
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
