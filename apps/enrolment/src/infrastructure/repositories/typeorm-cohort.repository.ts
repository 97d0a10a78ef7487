import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { Cohort, CohortRepository } from '../../application/cohorts/cohort.repository';
import type { Page, PageRequest } from '../../application/page';
import { entityManagerOf } from '@cmp/messaging';
import { CohortEntity } from '../entities';
import { pageOf } from './page-of';

@Injectable()
export class TypeOrmCohortRepository extends CohortRepository {
  find(tx: ReadTransaction, cohortId: string): Promise<Cohort | null> {
    return entityManagerOf(tx).findOneBy(CohortEntity, { id: cohortId });
  }

  lock(tx: Transaction, cohortId: string): Promise<Cohort | null> {
    return entityManagerOf(tx).findOne(CohortEntity, { where: { id: cohortId }, lock: { mode: 'pessimistic_write' } });
  }

  countExisting(tx: ReadTransaction, cohortIds: readonly string[]): Promise<number> {
    return entityManagerOf(tx).countBy(CohortEntity, { id: In([...cohortIds]) });
  }

  async insert(tx: Transaction, cohort: Omit<Cohort, 'createdAt'>): Promise<Cohort> {
    const manager = entityManagerOf(tx);
    const entity = manager.create(CohortEntity, cohort);
    await manager.insert(CohortEntity, entity);
    return entity;
  }

  async save(tx: Transaction, cohort: Cohort): Promise<void> {
    const { endsOn, applicationDeadline, capacity, status } = cohort;
    await entityManagerOf(tx).update(CohortEntity, cohort.id, { endsOn, applicationDeadline, capacity, status });
  }

  page(tx: ReadTransaction, page: PageRequest, filter: { readonly status?: string }): Promise<Page<Cohort>> {
    return pageOf(entityManagerOf(tx), CohortEntity, page, filter.status ? { status: filter.status as CohortEntity['status'] } : {}, { startsOn: 'ASC' });
  }
}
