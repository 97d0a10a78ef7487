import type { ReadTransaction } from '@cmp/kernel';

/** A person or staff member who signs in, as sign-in and sessions need it. */
export interface Account {
  readonly id: string;
  readonly email: string;
  readonly role: 'admin' | 'coordinator' | 'mentee' | 'mentor';
  /** The enrolment id of a mentee or mentor; null for staff and while the enrolment is in flight. */
  readonly personId: string | null;
  /** argon2id; null when the person signs in by emailed link only. */
  readonly passwordHash: string | null;
  readonly status: 'active' | 'pending';
}

/** The accounts sign-in reads; creating them is still the account use cases' own SQL. */
export abstract class AccountRepository {
  abstract findActiveByEmail(tx: ReadTransaction, email: string): Promise<Account | null>;
  abstract get(tx: ReadTransaction, id: string): Promise<Account>;
}
