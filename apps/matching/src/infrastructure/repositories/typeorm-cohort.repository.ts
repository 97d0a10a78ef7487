import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { Cohort, CohortRepository } from '../../application/cohorts/cohort.repository';
import type { ScoringWeights } from '../../domain/scoring';
import { CohortEntity } from '../entities/cohort.entity';

@Injectable()
export class TypeOrmCohortRepository extends CohortRepository {
  async find(tx: ReadTransaction, cohortId: string, options: { readonly lock?: boolean } = {}): Promise<Cohort | null> {
    return entityManagerOf(tx).findOne(CohortEntity, { where: { id: cohortId }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async upsertScheduled(tx: Transaction, cohort: Omit<Cohort, 'weights'>): Promise<void> {
    await entityManagerOf(tx).upsert(CohortEntity, { id: cohort.id, name: cohort.name, excludeMentorsFromReferringOrganisation: cohort.excludeMentorsFromReferringOrganisation }, ['id']);
  }

  async setWeights(tx: Transaction, cohortId: string, weights: ScoringWeights): Promise<void> {
    await entityManagerOf(tx).update(CohortEntity, { id: cohortId }, { weights });
  }
}
