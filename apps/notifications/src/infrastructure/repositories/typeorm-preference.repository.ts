import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { PreferenceRepository } from '../../application/contacts/preference.repository';
import { PreferenceEntity } from '../entities/preference.entity';
import { entityManagerOf } from '@cmp/messaging';

@Injectable()
export class TypeOrmPreferenceRepository extends PreferenceRepository {
  async wantsNonEssential(tx: ReadTransaction, personId: string): Promise<boolean | null> {
    const found = await entityManagerOf(tx).findOne(PreferenceEntity, { where: { personId } });
    return found ? found.nonEssential : null;
  }

  async save(tx: Transaction, personId: string, nonEssential: boolean): Promise<void> {
    await entityManagerOf(tx).upsert(PreferenceEntity, { personId, nonEssential, updatedAt: tx.now }, ['personId']);
  }

  async eraseFor(tx: Transaction, personId: string): Promise<void> {
    await entityManagerOf(tx).delete(PreferenceEntity, { personId });
  }
}
