import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MatchOrigin, MatchStatus } from '../../application/matches/match.repository';

@Entity('matches')
export class MatchEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') cohortId: string;
  @Column('uuid', { nullable: true }) runId: string | null;
  @Column('uuid') menteeId: string;
  @Column('uuid') mentorId: string;
  @Column('double precision') score: number;
  @Column('jsonb') explanation: object;
  @Column('text') origin: MatchOrigin;
  @Column('text') status: MatchStatus;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('timestamptz') proposedAt: Date;
  @Column('timestamptz', { nullable: true }) decidedAt: Date | null;
}
