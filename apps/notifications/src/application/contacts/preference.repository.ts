import type { ReadTransaction, Transaction } from '@cmp/kernel';

/** A person's choice about non-essential messages (reminders, nudges, surveys). */
export abstract class PreferenceRepository {
  /** `null` when the person never chose. */
  abstract wantsNonEssential(tx: ReadTransaction, personId: string): Promise<boolean | null>;
  abstract save(tx: Transaction, personId: string, nonEssential: boolean): Promise<void>;
  abstract eraseFor(tx: Transaction, personId: string): Promise<void>;
}
