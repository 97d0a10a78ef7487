import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere } from 'typeorm';
import { CohortEntity, MatchEntity, MatchStatus, RunEntity } from '../infrastructure/entities/matching.entities';
import { ScoringWeights } from '../domain/scoring';
import { notFound } from './matching-errors';

@Injectable()
export class MatchingQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** A run's status and progress; once completed, its draft with explanations and the unmatched mentees. */
  async run(runId: string) {
    const run = await this.dataSource.manager.findOneBy(RunEntity, { id: runId });
    if (!run) throw notFound('run', runId);
    const proposals = run.status === 'completed' ? await this.dataSource.manager.find(MatchEntity, { where: { runId }, order: { menteeId: 'ASC' } }) : [];
    return { ...run, proposals };
  }

  cohortMatches(cohortId: string, status?: MatchStatus): Promise<MatchEntity[]> {
    const where: FindOptionsWhere<MatchEntity> = { cohortId, ...(status ? { status } : {}) };
    return this.dataSource.manager.find(MatchEntity, { where, order: { proposedAt: 'ASC', menteeId: 'ASC' } });
  }

  personMatches(personId: string): Promise<MatchEntity[]> {
    return this.dataSource.manager.find(MatchEntity, { where: [{ menteeId: personId }, { mentorId: personId }], order: { proposedAt: 'ASC' } });
  }

  async setWeights(cohortId: string, weights: ScoringWeights): Promise<CohortEntity> {
    const cohort = await this.dataSource.manager.findOneBy(CohortEntity, { id: cohortId });
    if (!cohort) throw notFound('cohort', cohortId);
    cohort.weights = weights;
    return this.dataSource.manager.save(cohort);
  }
}
