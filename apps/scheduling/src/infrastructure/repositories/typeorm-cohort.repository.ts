import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { Cohort, CohortRepository } from '../../application/cohorts/cohort.repository';
import type { ProgrammeRhythm } from '../../domain/programme-rhythm';
import { CohortEntity } from '../entities/cohort.entity';

@Injectable()
export class TypeOrmCohortRepository extends CohortRepository {
  async byId(tx: ReadTransaction, cohortId: string): Promise<Cohort | null> {
    const cohort = await entityManagerOf(tx).findOneBy(CohortEntity, { id: cohortId });
    return cohort ? { ...cohort } : null;
  }

  async recordDates(tx: Transaction, cohortId: string, startsOn: string, endsOn: string): Promise<Cohort> {
    const manager = entityManagerOf(tx);
    await manager.query(
      `INSERT INTO cohorts (id, starts_on, ends_on) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on`,
      [cohortId, startsOn, endsOn],
    );
    return { ...(await manager.findOneByOrFail(CohortEntity, { id: cohortId })) };
  }

  async setRhythm(tx: Transaction, cohortId: string, rhythm: ProgrammeRhythm): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO cohorts (id, rhythm) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET rhythm = EXCLUDED.rhythm`,
      [cohortId, JSON.stringify(rhythm)],
    );
  }
}
