import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScoringWeights } from '../../domain/scoring';

/** Read model of a cohort, from enrolment's events, plus the coordinator's scoring weights. */
@Entity('cohorts')
export class CohortEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('boolean') excludeMentorsFromReferringOrganisation: boolean;
  @Column('jsonb', { nullable: true }) weights: ScoringWeights | null;
}
