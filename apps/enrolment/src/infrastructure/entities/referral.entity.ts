import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ReferralStatus } from '../../domain/referral';

@Entity('referrals')
export class ReferralEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') organisationId: string;
  @Column('uuid', { nullable: true }) cohortId: string | null;
  @Column('text', { unique: true }) codeHash: string;
  @Column('timestamptz') expiresAt: Date;
  @Column('text') status: ReferralStatus;
  @Column('timestamptz', { nullable: true }) redeemedAt: Date | null;
  @Column('uuid', { nullable: true }) menteeId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
