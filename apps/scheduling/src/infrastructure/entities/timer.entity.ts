import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TimerKind } from '../../application/timers/timer.repository';

export type TimerStatus = 'pending' | 'fired' | 'cancelled' | 'failed';

/**
 * A durable timer: a row that fires once when `dueAt` has passed. Workers claim due rows with
 * `FOR UPDATE SKIP LOCKED`, so two instances never fire the same row, and a crash before the
 * commit leaves it pending for the next poll.
 */
@Entity('timers')
export class TimerEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: TimerKind;
  /** Unique: scheduling the same timer twice (a redelivered event) is a no-op. */
  @Column('text') dedupeKey: string;
  @Column('uuid') planId: string;
  @Column('uuid', { nullable: true }) sessionId: string | null;
  @Column('timestamptz') dueAt: Date;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('text') status: TimerStatus;
  @Column('timestamptz', { nullable: true }) firedAt: Date | null;
  /** Which worker instance fired it, for diagnosing a scaled-out deployment. */
  @Column('text', { nullable: true }) firedBy: string | null;
  /** Failed attempts; a failing timer is retried later instead of blocking the ones behind it. */
  @Column('int') attempts: number;
  @Column('text', { nullable: true }) lastError: string | null;
}
