import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('sign_in_links')
export class SignInLinkEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') accountId: string;
  @Column('text', { unique: true }) tokenHash: string;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) usedAt: Date | null;
}
