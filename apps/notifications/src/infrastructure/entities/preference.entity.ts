import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('preferences')
export class PreferenceEntity {
  @PrimaryColumn('uuid') personId: string;
  /** Whether the person wants messages that are not essential (reminders, nudges, surveys). */
  @Column('boolean') nonEssential: boolean;
  @Column('timestamptz') updatedAt: Date;
}
