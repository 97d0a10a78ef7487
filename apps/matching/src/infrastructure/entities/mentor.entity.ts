import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MentorProfile } from '@cmp/contracts';
import type { MentorStatus } from '../../application/candidates/candidate.repository';

@Entity('mentors')
export class MentorEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('jsonb', { nullable: true }) profile: MentorProfile | null;
  @Column('text') status: MentorStatus;
}
