import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SessionStepAction } from '../../application/sessions/session.repository';

/** Every step of a session, so a rescheduled or cancelled session keeps its history. */
@Entity('session_history')
export class SessionHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid') sessionId: string;
  @Column('timestamptz') at: Date;
  @Column('text') action: SessionStepAction;
  /** Who acted, as the gateway named them (`mentor:<id>`), or `system`. */
  @Column('text') actor: string;
  @Column('timestamptz', { nullable: true }) startsAt: Date | null;
  @Column('timestamptz', { nullable: true }) endsAt: Date | null;
  @Column('jsonb', { nullable: true }) detail: Record<string, unknown> | null;
}
