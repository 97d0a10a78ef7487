import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { NotFoundError } from '../../domain/matching-error';
import { ScoringWeights } from '../../domain/scoring';
import { Cohort, CohortRepository } from './cohort.repository';

@Injectable()
export class CohortCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cohorts: CohortRepository,
  ) {}

  /** The weights later runs and rematches of the cohort score with. */
  setWeights(actor: string, cohortId: string, weights: ScoringWeights): Promise<Cohort> {
    return this.unitOfWork.run(actor, async (tx) => {
      const cohort = await this.cohorts.find(tx, cohortId);
      if (!cohort) throw new NotFoundError('cohort', cohortId);
      await this.cohorts.setWeights(tx, cohortId, weights);
      return { ...cohort, weights };
    });
  }
}
