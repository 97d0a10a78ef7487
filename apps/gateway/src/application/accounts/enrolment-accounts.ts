import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '@cmp/platform';
import { accountExists } from '../../domain/gateway-error';
import { PersonAccountRole } from '../../domain/principal';
import { PasswordHasher } from '../../infrastructure/password-hasher';

/** How long a reservation may wait for enrolment's answer before another request may take it over. */
const STALE_RESERVATION_MS = 2 * 60_000;

/**
 * Accounts of mentees and mentors, made when they apply or register through the gateway.
 * The email is reserved (a `pending` account) before enrolment is called, so two concurrent
 * applications with one address cannot both get an account; the account becomes active with
 * the person id from enrolment's answer, or is released when enrolment refuses. A reservation
 * left behind by a crash is taken over by the next attempt once it is stale.
 */
@Injectable()
export class EnrolmentAccounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Reserves the email for a new account and returns the reservation (account) id. */
  async reserve(role: PersonAccountRole, email: string, password: string | undefined): Promise<string> {
    const passwordHash = password === undefined ? null : await this.passwords.hash(password);
    const now = this.clock();
    const [row] = await this.dataSource.query(
      `INSERT INTO accounts (email, role, password_hash, status, created_at) VALUES ($1, $2, $3, 'pending', $4)
       ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash, created_at = EXCLUDED.created_at
         WHERE accounts.status = 'pending' AND accounts.created_at < $5
       RETURNING id`,
      [email, role, passwordHash, now, new Date(now.getTime() - STALE_RESERVATION_MS)],
    );
    if (!row) throw accountExists();
    return row.id;
  }

  async activate(accountId: string, personId: string): Promise<void> {
    await this.dataSource.query(`UPDATE accounts SET status = 'active', person_id = $2 WHERE id = $1 AND status = 'pending'`, [accountId, personId]);
  }

  async release(accountId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM accounts WHERE id = $1 AND status = 'pending'`, [accountId]);
  }
}
