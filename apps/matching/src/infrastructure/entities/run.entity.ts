import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScoringWeights } from '../../domain/scoring';
import type { RunStatus, UnmatchedMentee } from '../../application/runs/run.repository';

@Entity('runs')
export class RunEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') cohortId: string;
  @Column('text') status: RunStatus;
  @Column('boolean') fairness: boolean;
  /** 0–100. */
  @Column('int') progress: number;
  @Column('jsonb') weights: ScoringWeights;
  @Column('double precision', { nullable: true }) totalScore: number | null;
  /** Mentees without a mentor, with how many mentors each hard constraint ruled out. */
  @Column('jsonb', { nullable: true }) unmatched: UnmatchedMentee[] | null;
  @Column('text', { nullable: true }) error: string | null;
  @Column('text') requestedBy: string;
  @Column('timestamptz') startedAt: Date;
  @Column('timestamptz', { nullable: true }) finishedAt: Date | null;
}
