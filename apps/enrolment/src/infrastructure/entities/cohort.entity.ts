import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { CohortStatus } from '../../domain/cohort';

@Entity('cohorts')
export class CohortEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('date') startsOn: string;
  @Column('date') endsOn: string;
  @Column('date') applicationDeadline: string;
  @Column('int') capacity: number;
  @Column('text') status: CohortStatus;
  @Column('boolean') excludeMentorsFromReferringOrganisation: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
