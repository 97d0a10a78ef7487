import type { PersonRole } from '@cmp/contracts';
import type { ReadTransaction, Transaction } from '@cmp/kernel';

/** The consents evaluation acts on; other purposes change nothing here. */
export type EvaluationConsent = 'follow-up-surveys' | 'share-outcomes-with-referrer';

/**
 * People by the random keys every other table uses. Only this store links a key to a person id,
 * and an erased person leaves only a one-way trace of the id behind.
 */
export abstract class PeopleRepository {
  /** The person's key, created on first sight (the role is kept from the first event naming one). */
  abstract ensureKey(tx: Transaction, personId: string, role: PersonRole | null): Promise<string>;
  /** The key of a person already known, without creating one. */
  abstract keyOf(tx: ReadTransaction, personId: string): Promise<string | null>;
  /** Null once the person is erased. */
  abstract personIdOf(tx: ReadTransaction, key: string): Promise<string | null>;
  abstract followUpConsentOf(tx: ReadTransaction, key: string): Promise<boolean>;
  abstract setConsent(tx: Transaction, key: string, consent: EvaluationConsent, granted: boolean): Promise<void>;
  /** Whether the person was erased, even if no key was ever created for them. */
  abstract isErased(tx: ReadTransaction, personId: string): Promise<boolean>;
  abstract markErased(tx: Transaction, personId: string): Promise<void>;
  /** Drops the link from key to person and the consent to share with the referrer. */
  abstract detach(tx: Transaction, key: string): Promise<void>;
}
