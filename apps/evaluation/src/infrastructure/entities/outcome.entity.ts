import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('outcomes')
export class OutcomeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') personKey: string;
  @Column('uuid') cohortId: string;
  @Column('text') status: string;
  @Column('text', { nullable: true }) hours: string | null;
  @Column('text', { nullable: true }) terms: string | null;
  @Column('text', { nullable: true }) sector: string | null;
  @Column('text', { nullable: true }) occupation: string | null;
  @Column('boolean', { nullable: true }) throughMentorNetwork: boolean | null;
  @Column('date', { nullable: true }) startedOn: string | null;
  @Column('date') reportedOn: string;
  @Column('text') source: 'survey' | 'coordinator';
  @Column('text', { nullable: true }) sourceNote: string | null;
  @Column('int', { nullable: true }) followUpMonths: number | null;
  @Column('uuid', { nullable: true }) invitationId: string | null;
  @Column('timestamptz') recordedAt: Date;
  @Column('text') recordedBy: string;
}
