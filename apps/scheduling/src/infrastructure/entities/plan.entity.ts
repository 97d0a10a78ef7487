import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlannedSession, PlanStatus } from '../../application/plans/plan.repository';
import type { ProgrammeRhythm } from '../../domain/programme-rhythm';

/** The four-month programme of one confirmed match. */
@Entity('plans')
export class PlanEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') matchId: string;
  @Column('uuid') cohortId: string;
  @Column('uuid') menteeId: string;
  @Column('uuid') mentorId: string;
  @Column('timestamptz') confirmedAt: Date;
  @Column('date') startsOn: string;
  @Column('date') endsOn: string;
  @Column('text') anchoredOn: 'cohort' | 'confirmation';
  @Column('jsonb') rhythm: ProgrammeRhythm;
  @Column('jsonb') plannedSessions: PlannedSession[];
  @Column('text') status: PlanStatus;
  /** Why an active plan stopped early: the match ended, a person withdrew or was erased. */
  @Column('text', { nullable: true }) endedReason: string | null;
  @Column('timestamptz', { nullable: true }) lastStalledAt: Date | null;
  @Column('timestamptz') createdAt: Date;
}
