import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { Consent, ConsentRepository } from '../../application/consents/consent.repository';
import { ConsentEntity } from '../entities';

@Injectable()
export class TypeOrmConsentRepository extends ConsentRepository {
  async insert(tx: Transaction, consent: Consent): Promise<void> {
    await entityManagerOf(tx).insert(ConsentEntity, consent);
  }

  async save(tx: Transaction, consent: Consent): Promise<void> {
    await entityManagerOf(tx).save(ConsentEntity, { ...consent });
  }

  ofPerson(tx: ReadTransaction, personId: string): Promise<Consent[]> {
    return entityManagerOf(tx).findBy(ConsentEntity, { personId });
  }
}
