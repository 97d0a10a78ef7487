import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person or staff member who signs in. Partners have API keys instead. */
@Entity('accounts')
export class AccountEntity {
  /** Defaults to `gen_random_uuid()` in the table; a generated-uuid column would make TypeORM want the uuid-ossp extension. */
  @PrimaryColumn('uuid') id: string;
  /** Lower-cased; one account per address. */
  @Column('text', { unique: true }) email: string;
  @Column('text') role: 'admin' | 'coordinator' | 'mentee' | 'mentor';
  /** The enrolment id of a mentee or mentor; null for staff and while the enrolment is in flight. */
  @Column('uuid', { nullable: true }) personId: string | null;
  /** argon2id; null when the person signs in by emailed link only. */
  @Column('text', { nullable: true }) passwordHash: string | null;
  /** `pending` while the gateway waits for enrolment to accept the application or registration. */
  @Column('text') status: 'active' | 'pending';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
