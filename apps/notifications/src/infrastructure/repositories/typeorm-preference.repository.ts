import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { PreferenceRepository } from '../../application/contacts/preference.repository';
import { PreferenceEntity } from '../entities/preference.entity';
import { managerOf } from './transaction-manager';

@Injectable()
export class TypeOrmPreferenceRepository extends PreferenceRepository {
  async wantsNonEssential(tx: ReadTransaction, personId: string): Promise<boolean | null> {
    const found = await managerOf(tx).findOne(PreferenceEntity, { where: { personId } });
    return found ? found.nonEssential : null;
  }

  async save(tx: Transaction, personId: string, nonEssential: boolean): Promise<void> {
    await managerOf(tx).upsert(PreferenceEntity, { personId, nonEssential, updatedAt: tx.now }, ['personId']);
  }

  async eraseFor(tx: Transaction, personId: string): Promise<void> {
    await managerOf(tx).delete(PreferenceEntity, { personId });
  }
}
