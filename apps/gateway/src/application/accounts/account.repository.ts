import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { PersonAccountRole, StaffRole } from '../../domain/principal';

export type AccountRole = StaffRole | PersonAccountRole;

/** A person or staff member who signs in. Partners have API keys instead. */
export interface Account {
  readonly id: string;
  /** Lower-cased; one account per address. */
  readonly email: string;
  readonly role: AccountRole;
  /** The enrolment id of a mentee or mentor; null for staff and while the enrolment is in flight. */
  readonly personId: string | null;
  /** null when the person signs in by emailed link only. */
  readonly passwordHash: string | null;
  /** `pending` while the gateway waits for enrolment to accept the application or registration. */
  readonly status: 'active' | 'pending';
  readonly createdAt: Date;
}

/** Whose an address already is, as far as the account under it says. */
export interface AccountOwner {
  readonly personId: string | null;
  readonly role: string;
  readonly status: string;
}

export abstract class AccountRepository {
  abstract findActiveByEmail(tx: ReadTransaction, email: string): Promise<Account | undefined>;

  abstract findById(tx: ReadTransaction, id: string): Promise<Account | undefined>;

  /** The owner of the address, whatever the account's state. */
  abstract ownerOf(tx: ReadTransaction, email: string): Promise<AccountOwner | undefined>;

  /**
   * Reserves the address with a `pending` account, or takes over a pending one made before
   * `staleBefore` (left by a crash); returns the account's id, or undefined if the address is taken.
   */
  abstract reserve(
    tx: Transaction,
    reservation: { readonly email: string; readonly role: PersonAccountRole; readonly passwordHash: string | null; readonly staleBefore: Date },
  ): Promise<string | undefined>;

  /** A pending account becomes the person's; any other is left alone. */
  abstract activate(tx: Transaction, accountId: string, personId: string): Promise<void>;

  /** Deletes the account if it is still pending. */
  abstract release(tx: Transaction, accountId: string): Promise<void>;

  /** Creates an active staff account unless the address is taken (then undefined); the database stamps its creation. */
  abstract createStaff(tx: Transaction, account: { readonly email: string; readonly role: StaffRole; readonly passwordHash: string }): Promise<{ id: string; createdAt: Date } | undefined>;

  abstract emailsOfPerson(tx: ReadTransaction, personId: string): Promise<string[]>;

  abstract deleteByPerson(tx: Transaction, personId: string): Promise<void>;
}
