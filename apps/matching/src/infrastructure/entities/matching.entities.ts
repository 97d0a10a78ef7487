import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MenteeProfile, MentorProfile } from '@cmp/contracts';
import type { ScoringWeights } from '../../domain/scoring';

/** Read model of a cohort, from enrolment's events, plus the coordinator's scoring weights. */
@Entity('cohorts')
export class CohortEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('boolean') excludeMentorsFromReferringOrganisation: boolean;
  @Column('jsonb', { nullable: true }) weights: ScoringWeights | null;
}

/** Read model of a placed mentee: profile facts only, no contact details. */
@Entity('mentees')
export class MenteeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') cohortId: string;
  @Column('uuid', { nullable: true }) referringOrganisationId: string | null;
  @Column('jsonb', { nullable: true }) profile: MenteeProfile | null;
  @Column('text') status: 'placed' | 'withdrawn' | 'erased';
}

@Entity('mentors')
export class MentorEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('jsonb', { nullable: true }) profile: MentorProfile | null;
  @Column('text') status: 'active' | 'paused' | 'withdrawn';
}

export type RunStatus = 'running' | 'completed' | 'failed';

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
  @Column('jsonb', { nullable: true }) unmatched: { menteeId: string; reasons: Record<string, number> }[] | null;
  @Column('text', { nullable: true }) error: string | null;
  @Column('text') requestedBy: string;
  @Column('timestamptz') startedAt: Date;
  @Column('timestamptz', { nullable: true }) finishedAt: Date | null;
}

export type MatchStatus = 'proposed' | 'confirmed' | 'rejected' | 'superseded' | 'ended';

@Entity('matches')
export class MatchEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') cohortId: string;
  @Column('uuid', { nullable: true }) runId: string | null;
  @Column('uuid') menteeId: string;
  @Column('uuid') mentorId: string;
  @Column('double precision') score: number;
  @Column('jsonb') explanation: object;
  @Column('text') origin: 'run' | 'rematch' | 'manual';
  @Column('text') status: MatchStatus;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('timestamptz') proposedAt: Date;
  @Column('timestamptz', { nullable: true }) decidedAt: Date | null;
}

/** Pairs a coordinator rejected: never proposed again in the cohort. */
@Entity('forbidden_pairs')
export class ForbiddenPairEntity {
  @PrimaryColumn('uuid') cohortId: string;
  @PrimaryColumn('uuid') menteeId: string;
  @PrimaryColumn('uuid') mentorId: string;
}

export const MATCHING_ENTITIES = [CohortEntity, MenteeEntity, MentorEntity, RunEntity, MatchEntity, ForbiddenPairEntity];
