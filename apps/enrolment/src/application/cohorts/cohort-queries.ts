import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { NotFoundError } from '../../domain/enrolment-error';
import type { Page, PageRequest } from '../page';
import { Cohort, CohortRepository } from './cohort.repository';

@Injectable()
export class CohortQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cohorts: CohortRepository,
  ) {}

  list(page: PageRequest, status?: string): Promise<Page<Cohort>> {
    return this.unitOfWork.read((tx) => this.cohorts.page(tx, page, { status }));
  }

  get(cohortId: string): Promise<Cohort> {
    return this.unitOfWork.read(async (tx) => {
      const cohort = await this.cohorts.find(tx, cohortId);
      if (!cohort) throw new NotFoundError('cohort', cohortId);
      return cohort;
    });
  }
}
