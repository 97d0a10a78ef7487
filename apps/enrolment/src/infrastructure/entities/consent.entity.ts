import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsentPurpose } from '@cmp/contracts';

/** The current answer per person and purpose; the audit trail keeps the history. */
@Entity('consents')
export class ConsentEntity {
  @PrimaryColumn('uuid') personId: string;
  @PrimaryColumn('text') purpose: ConsentPurpose;
  @Column('boolean') granted: boolean;
  @Column('text') noticeVersion: string;
  @Column('timestamptz') changedAt: Date;
}
