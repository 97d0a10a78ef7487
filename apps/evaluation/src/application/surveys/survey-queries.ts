import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { NotFound } from '../../domain/evaluation-error';
import { SurveyRepository, SurveyVersion } from './survey.repository';

@Injectable()
export class SurveyQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly surveys: SurveyRepository,
  ) {}

  /** The current version of every survey. */
  list(): Promise<SurveyVersion[]> {
    return this.unitOfWork.read((tx) => this.surveys.latestOfEach(tx));
  }

  async versions(slug: string): Promise<SurveyVersion[]> {
    const versions = await this.unitOfWork.read((tx) => this.surveys.versions(tx, slug));
    if (versions.length === 0) throw new NotFound('survey', slug);
    return versions;
  }
}
