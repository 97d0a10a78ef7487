import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AvailabilityWindow, LanguageSkill, MessageLanguage } from '@cmp/contracts';
import type { MentorStatus } from '../../domain/mentor-availability';

@Entity('mentors')
export class MentorEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { nullable: true }) name: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text') preferredLanguage: MessageLanguage;
  @Column('uuid') employerOrganisationId: string;
  @Column('text') occupation: string;
  @Column('text') industry: string;
  @Column('int') yearsOfExperience: number;
  @Column('jsonb') languages: LanguageSkill[];
  @Column('jsonb') expertise: string[];
  @Column('int') capacity: number;
  @Column('jsonb') availability: AvailabilityWindow[];
  @Column('jsonb') cohortIds: string[];
  @Column('text', { nullable: true }) municipality: string | null;
  @Column('text') status: MentorStatus;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) erasedAt: Date | null;
}
