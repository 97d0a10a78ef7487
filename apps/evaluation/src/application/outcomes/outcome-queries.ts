import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { CohortOutcome, OutcomeRepository } from './outcome.repository';

@Injectable()
export class OutcomeQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outcomes: OutcomeRepository,
  ) {}

  /** A cohort's outcomes for coordinators; erased people show without an id. */
  ofCohort(cohortId: string): Promise<CohortOutcome[]> {
    return this.unitOfWork.read((tx) => this.outcomes.ofCohort(tx, cohortId));
  }
}
