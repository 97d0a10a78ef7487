import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { NotFoundError } from '../../domain/matching-error';
import { Match, MatchRepository } from '../matches/match.repository';
import { Run, RunRepository } from './run.repository';

/** A run as a coordinator follows it: its draft appears once it completed. */
export interface RunWithDraft extends Run {
  readonly proposals: Match[];
}

@Injectable()
export class RunQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly runs: RunRepository,
    private readonly matches: MatchRepository,
  ) {}

  /** A run's status and progress; once completed, its draft with explanations and the unmatched mentees. */
  run(runId: string): Promise<RunWithDraft> {
    return this.unitOfWork.read(async (tx) => {
      const run = await this.runs.find(tx, runId);
      if (!run) throw new NotFoundError('run', runId);
      const proposals = run.status === 'completed' ? await this.matches.ofRun(tx, runId) : [];
      return { ...run, proposals };
    });
  }
}
