import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AvailabilityWindow, Education, LanguageSkill, MenteePreferences, MessageLanguage } from '@cmp/contracts';
import type { MenteeStatus } from '../../domain/mentee-lifecycle';

/** Personal fields are nullable: erasure clears them and keeps the anonymous rest for statistics. */
@Entity('mentees')
export class MenteeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { nullable: true }) name: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text') preferredLanguage: MessageLanguage;
  @Column('text', { nullable: true }) countryOfOrigin: string | null;
  @Column('text', { nullable: true }) municipality: string | null;
  @Column('jsonb') languages: LanguageSkill[];
  @Column('jsonb', { nullable: true }) education: Education | null;
  @Column('int') yearsOfExperience: number;
  @Column('text', { nullable: true }) lastOccupation: string | null;
  @Column('jsonb') targetOccupations: string[];
  @Column('jsonb') targetIndustries: string[];
  @Column('jsonb') skills: string[];
  @Column('jsonb') availability: AvailabilityWindow[];
  @Column('jsonb') preferences: MenteePreferences;
  @Column('text', { nullable: true }) motivation: string | null;
  @Column('uuid') cohortId: string;
  @Column('uuid', { nullable: true }) referralId: string | null;
  @Column('uuid', { nullable: true }) referringOrganisationId: string | null;
  @Column('text') status: MenteeStatus;
  @Column('text', { nullable: true }) statusReason: string | null;
  @Column('timestamptz') appliedAt: Date;
  @Column('timestamptz', { nullable: true }) placedAt: Date | null;
  @Column('timestamptz', { nullable: true }) erasedAt: Date | null;
}
