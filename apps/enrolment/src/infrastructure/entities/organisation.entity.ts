import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationKind } from '@cmp/contracts';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') kind: OrganisationKind;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
