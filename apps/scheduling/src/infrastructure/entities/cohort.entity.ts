import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProgrammeRhythm } from '../../domain/programme-rhythm';

/**
 * Read model of a cohort's dates (from enrolment's CohortScheduled) plus the rhythm a
 * coordinator set for it. A coordinator may set the rhythm before the dates arrive.
 */
@Entity('cohorts')
export class CohortEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('date', { nullable: true }) startsOn: string | null;
  @Column('date', { nullable: true }) endsOn: string | null;
  @Column('jsonb', { nullable: true }) rhythm: ProgrammeRhythm | null;
}
