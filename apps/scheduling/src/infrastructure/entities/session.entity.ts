import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NoShowParty, SessionCanceller, SessionMode, SessionParticipant, SessionTheme } from '@cmp/contracts';
import type { StoredSlot } from '../../application/sessions/session.repository';
import type { SessionStatus } from '../../domain/session';

/** One meeting of a pair. The log's text (topics, next steps, introductions) is personal and erasable. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') planId: string;
  @Column('uuid') matchId: string;
  @Column('uuid') cohortId: string;
  @Column('uuid') menteeId: string;
  @Column('uuid') mentorId: string;
  @Column('text') status: SessionStatus;
  @Column('text', { nullable: true }) theme: SessionTheme | null;
  @Column('text') mode: SessionMode;
  @Column('text', { nullable: true }) place: string | null;
  @Column('text', { nullable: true }) link: string | null;
  @Column('text') proposedBy: SessionParticipant;
  @Column('jsonb') slots: StoredSlot[];
  @Column('timestamptz', { nullable: true }) startsAt: Date | null;
  @Column('timestamptz', { nullable: true }) endsAt: Date | null;
  @Column('int') sequence: number;
  @Column('text', { nullable: true }) cancelledBy: SessionCanceller | null;
  @Column('text', { nullable: true }) cancelReason: string | null;
  @Column('text', { nullable: true }) absent: NoShowParty | null;
  @Column('jsonb', { nullable: true }) topics: string[] | null;
  @Column('text', { nullable: true }) nextSteps: string | null;
  @Column('jsonb', { nullable: true }) introductions: string[] | null;
  /** Kept when the log's text is erased, for the programme's anonymous counts. */
  @Column('int') introductionsMade: number;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}
