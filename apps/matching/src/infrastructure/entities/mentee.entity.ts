import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MenteeProfile } from '@cmp/contracts';
import type { MenteeStatus } from '../../application/candidates/candidate.repository';

/** Read model of a placed mentee: profile facts only, no contact details. */
@Entity('mentees')
export class MenteeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') cohortId: string;
  @Column('uuid', { nullable: true }) referringOrganisationId: string | null;
  @Column('jsonb', { nullable: true }) profile: MenteeProfile | null;
  @Column('text') status: MenteeStatus;
}
