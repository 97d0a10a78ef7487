import type { ReadTransaction, Transaction } from '@cmp/kernel';

export interface Referral {
  readonly menteeId: string;
  readonly organisationId: string;
  readonly referralId: string | null;
  readonly cohortId: string;
}

/** A referred mentee as last heard, with her outcome-sharing consent. */
export interface ReferredMentee {
  readonly organisationId: string;
  readonly referralId: string | null;
  readonly cohortId: string | null;
  readonly sharesOutcomes: boolean;
}

/** Who referred which mentee, and what each organisation calls her. */
export abstract class ReferredParticipantRepository {
  /** A later referral replaces the organisation and cohort; a referral id once known is kept. */
  abstract remember(tx: Transaction, referral: Referral): Promise<void>;
  abstract find(tx: ReadTransaction, menteeId: string): Promise<ReferredMentee | null>;
  /** The organisation's pseudonym for the person, made on first use; two concurrent callers get the same one. */
  abstract pseudonymFor(tx: Transaction, organisationId: string, personId: string): Promise<string>;
  /** The person's referral and every pseudonym of hers. */
  abstract eraseFor(tx: Transaction, personId: string): Promise<void>;
}
