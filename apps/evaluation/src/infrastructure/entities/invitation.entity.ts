import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('invitations')
export class InvitationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') surveyId: string;
  @Column('text') kind: string;
  @Column('uuid') personKey: string;
  @Column('text') role: string;
  @Column('uuid') cohortId: string;
  @Column('uuid', { nullable: true }) matchId: string | null;
  @Column('text') status: 'sent' | 'answered' | 'expired' | 'withdrawn';
  @Column('timestamptz') sentAt: Date;
  @Column('timestamptz', { nullable: true }) remindAt: Date | null;
  @Column('timestamptz', { nullable: true }) remindedAt: Date | null;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) answeredAt: Date | null;
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
}
