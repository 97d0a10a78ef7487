import { EntityManager } from 'typeorm';
import type { ReadTransaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { InboxTransaction } from '../consumers/inbox-transaction';

/** The entity manager of a unit-of-work transaction or of a consumer's inbox transaction. */
export function managerOf(tx: ReadTransaction): EntityManager {
  return tx instanceof InboxTransaction ? tx.manager : entityManagerOf(tx);
}
