import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('placement_quotas')
export class PlacementQuotaEntity {
  @PrimaryColumn('uuid') organisationId: string;
  @PrimaryColumn('uuid') cohortId: string;
  @Column('int') reserved: number;
  @Column('int') used: number;
}
