import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who changed what: the actor, the action and the names of the fields it touched. Values are
 * deliberately left out, so that the trail holds no personal data and survives erasure.
 */
@Entity('audit_entries')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('timestamptz') at: Date;
  @Column('text') actor: string;
  @Column('text') action: string;
  @Column('text') entityType: string;
  @Column('uuid') entityId: string;
  @Column('jsonb') fields: string[];
}
