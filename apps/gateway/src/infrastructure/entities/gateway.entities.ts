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

/** One sign-in: the family of refresh tokens that rotate from it. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') accountId: string;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
  @Column('text', { nullable: true }) revokedReason: string | null;
}

@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') sessionId: string;
  @Column('text', { unique: true }) tokenHash: string;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) replacedAt: Date | null;
}

@Entity('sign_in_links')
export class SignInLinkEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') accountId: string;
  @Column('text', { unique: true }) tokenHash: string;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) usedAt: Date | null;
}

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

/** Who mentors whom, from matching's events; the gateway's only read model. */
@Entity('mentorships')
export class MentorshipEntity {
  @PrimaryColumn('uuid') matchId: string;
  @Column('uuid') menteeId: string;
  @Column('uuid') mentorId: string;
  @Column('timestamptz', { nullable: true }) endedAt: Date | null;
}

export const GATEWAY_ENTITIES = [AccountEntity, SessionEntity, RefreshTokenEntity, SignInLinkEntity, ApiKeyEntity, SignInFailureEntity, MentorshipEntity];
