import { Injectable } from '@nestjs/common';
import { ContactPublished } from '@cmp/contracts';
import type { Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { StoredPersonalDataRepository } from '../../application/people/stored-personal-data.repository';

@Injectable()
export class TypeOrmStoredPersonalDataRepository extends StoredPersonalDataRepository {
  async forgetStoredResponses(tx: Transaction, personId: string): Promise<void> {
    await entityManagerOf(tx).query(`DELETE FROM idempotency_records WHERE person_ids ? $1`, [personId]);
  }

  /** The outbox row of a contact not yet relayed: the tombstone emitted with the erasure replaces it. */
  async dropUnpublishedContact(tx: Transaction, personId: string): Promise<void> {
    await entityManagerOf(tx).query(`DELETE FROM outbox WHERE topic = $1 AND message_key = $2`, [ContactPublished.topic, personId]);
  }
}
