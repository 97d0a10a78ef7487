import { Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import type { Page, PageRequest } from '../../application/page';
import { Referral, ReferralRepository } from '../../application/referrals/referral.repository';
import { ReferralEntity } from '../entities';
import { pageOf } from './page-of';

const FOR_UPDATE = { mode: 'pessimistic_write' } as const;

@Injectable()
export class TypeOrmReferralRepository extends ReferralRepository {
  find(tx: ReadTransaction, referralId: string): Promise<Referral | null> {
    return entityManagerOf(tx).findOneBy(ReferralEntity, { id: referralId });
  }

  lockByCodeHash(tx: Transaction, codeHash: string): Promise<Referral | null> {
    return entityManagerOf(tx).findOne(ReferralEntity, { where: { codeHash }, lock: FOR_UPDATE });
  }

  lockOfOrganisation(tx: Transaction, organisationId: string, referralId: string): Promise<Referral | null> {
    return entityManagerOf(tx).findOne(ReferralEntity, { where: { id: referralId, organisationId }, lock: FOR_UPDATE });
  }

  async insert(tx: Transaction, referral: Omit<Referral, 'createdAt'>): Promise<Referral> {
    const manager = entityManagerOf(tx);
    const entity = manager.create(ReferralEntity, referral);
    await manager.insert(ReferralEntity, entity);
    return entity;
  }

  async save(tx: Transaction, referral: Referral): Promise<void> {
    await entityManagerOf(tx).update(ReferralEntity, referral.id, { status: referral.status, redeemedAt: referral.redeemedAt, menteeId: referral.menteeId });
  }

  outstanding(tx: ReadTransaction, organisationId: string, cohortId: string, now: Date): Promise<number> {
    return entityManagerOf(tx).count(ReferralEntity, { where: { organisationId, cohortId, status: 'issued', expiresAt: MoreThan(now) } });
  }

  page(tx: ReadTransaction, organisationId: string, page: PageRequest, filter: { readonly status?: string }): Promise<Page<Referral>> {
    const where = { organisationId, ...(filter.status ? { status: filter.status as ReferralEntity['status'] } : {}) };
    return pageOf(entityManagerOf(tx), ReferralEntity, page, where, { createdAt: 'DESC' });
  }
}
