import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') organisationId: string;
  @Column('text') name: string;
  /** The key's first characters, shown in lists so an owner can tell keys apart. */
  @Column('text') prefix: string;
  @Column('text', { unique: true }) keyHash: string;
  @Column('text') createdBy: string;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
}
