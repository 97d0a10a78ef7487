import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { ReferralStatus } from '../../domain/referral';
import type { Page, PageRequest } from '../page';

export interface Referral {
  readonly id: string;
  readonly organisationId: string;
  readonly cohortId: string | null;
  /** Only the hash of a code is kept: the code itself is shown once, when issued. */
  readonly codeHash: string;
  readonly expiresAt: Date;
  status: ReferralStatus;
  redeemedAt: Date | null;
  menteeId: string | null;
  readonly createdAt: Date;
}

export abstract class ReferralRepository {
  abstract find(tx: ReadTransaction, referralId: string): Promise<Referral | null>;
  abstract lockByCodeHash(tx: Transaction, codeHash: string): Promise<Referral | null>;
  abstract lockOfOrganisation(tx: Transaction, organisationId: string, referralId: string): Promise<Referral | null>;
  abstract insert(tx: Transaction, referral: Omit<Referral, 'createdAt'>): Promise<Referral>;
  /** Writes what redeeming or revoking changes: status, when, and by whom. */
  abstract save(tx: Transaction, referral: Referral): Promise<void>;
  /** Issued codes bound to the cohort that have not expired by `now`: each holds a placement. */
  abstract outstanding(tx: ReadTransaction, organisationId: string, cohortId: string, now: Date): Promise<number>;
  /** Newest first. */
  abstract page(tx: ReadTransaction, organisationId: string, page: PageRequest, filter: { readonly status?: string }): Promise<Page<Referral>>;
}
