import type { PersonRole } from '@cmp/contracts';
import type { Transaction } from '@cmp/kernel';
import { PeopleRepository } from './people.repository';

/**
 * The person's key, creating one on first sight; null when the person was erased, so that a late
 * event about them (a follow-up already in flight) is ignored instead of bringing them back as a
 * new, countable person.
 */
export async function keyOfLivePerson(people: PeopleRepository, tx: Transaction, personId: string, role: PersonRole | null): Promise<string | null> {
  if (await people.isErased(tx, personId)) return null;
  return people.ensureKey(tx, personId, role);
}
