import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who mentors whom, from matching's events; the gateway's only read model. */
@Entity('mentorships')
export class MentorshipEntity {
  @PrimaryColumn('uuid') matchId: string;
  @Column('uuid') menteeId: string;
  @Column('uuid') mentorId: string;
  @Column('timestamptz', { nullable: true }) endedAt: Date | null;
}
