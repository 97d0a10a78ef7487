import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per key (`account:<hmac of the email>`, `ip:<hmac of the address>`, see
 * `SignInFailureKeys`), so lock-outs survive restarts and span instances.
 */
@Entity('sign_in_failures')
export class SignInFailureEntity {
  @PrimaryColumn('text') key: string;
  @Column('int') failures: number;
  @Column('timestamptz') windowStartedAt: Date;
  @Column('timestamptz', { nullable: true }) lockedUntil: Date | null;
  @Column('int') lockouts: number;
  /** When the retention job deletes the row (`forgetAfter`). */
  @Column('timestamptz') expiresAt: Date;
}
