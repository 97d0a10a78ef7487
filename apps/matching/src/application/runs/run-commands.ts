import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MatchingRunCompleted, MatchProposed } from '@cmp/contracts';
import { UnitOfWork } from '@cmp/kernel';
import { pairKey, prepareDraft } from '../../domain/draft';
import { NotFoundError, RefusedError } from '../../domain/matching-error';
import { DEFAULT_WEIGHTS, ScoringWeights } from '../../domain/scoring';
import { CandidatePool } from '../candidates/candidate-pool';
import { CandidateRepository } from '../candidates/candidate.repository';
import { cohortRules, CohortRepository } from '../cohorts/cohort.repository';
import { AssignmentSolver } from '../matches/assignment-solver';
import { Match, MatchRepository } from '../matches/match.repository';
import { Run, RunRepository } from './run.repository';

export interface StartRunCommand {
  readonly cohortId: string;
  readonly fairness: boolean;
  /** Overrides the cohort's weights for this run only. */
  readonly weights?: ScoringWeights;
}

/**
 * A coordinator's matching run: answered at once with its id (202), then scored and solved in the
 * background; the result replaces the cohort's open proposals with a new draft.
 */
@Injectable()
export class RunCommands implements OnApplicationShutdown {
  private readonly logger = new Logger(RunCommands.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly runs: RunRepository,
    private readonly cohorts: CohortRepository,
    private readonly candidates: CandidateRepository,
    private readonly pool: CandidatePool,
    private readonly matches: MatchRepository,
    private readonly solver: AssignmentSolver,
  ) {}

  async start(actor: string, command: StartRunCommand): Promise<Run> {
    const run = await this.unitOfWork.run(actor, async (tx) => {
      const cohort = await this.cohorts.find(tx, command.cohortId, { lock: true });
      if (!cohort) throw new NotFoundError('cohort', command.cohortId);
      if (await this.runs.isRunning(tx, cohort.id)) throw new RefusedError('a matching run for this cohort is already running');
      const started: Run = {
        id: randomUUID(),
        cohortId: cohort.id,
        status: 'running',
        fairness: command.fairness,
        progress: 0,
        weights: command.weights ?? cohort.weights ?? DEFAULT_WEIGHTS,
        totalScore: null,
        unmatched: null,
        error: null,
        requestedBy: actor,
        startedAt: tx.now,
        finishedAt: null,
      };
      await this.runs.insert(tx, started);
      return started;
    });
    const execution = this.execute(run).finally(() => this.inFlight.delete(execution));
    this.inFlight.add(execution);
    return run;
  }

  /** A run in progress finishes (or fails and says so) before the service stops. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async execute(run: Run): Promise<void> {
    try {
      const draft = await this.unitOfWork.read(async (tx) => {
        const cohort = await this.cohorts.find(tx, run.cohortId);
        if (!cohort) throw new NotFoundError('cohort', run.cohortId);
        return prepareDraft({
          cohort: cohortRules(cohort),
          mentees: await this.pool.menteesToMatch(tx, cohort.id, { includeProposed: true }),
          mentors: await this.pool.mentors(tx),
          forbidden: await this.candidates.forbiddenPairs(tx, cohort.id),
          weights: run.weights,
        });
      });
      await this.progress(run, 40);
      const result = await this.solver.solve(draft.problem, { fairness: run.fairness });
      await this.progress(run, 90);
      const matched = new Set(result.assignments.map((assignment) => assignment.menteeId));
      const unmatched = draft.problem.mentees
        .filter((mentee) => !matched.has(mentee.id))
        .map((mentee) => ({ menteeId: mentee.id, reasons: draft.withoutEligibleMentor.get(mentee.id) ?? { 'mentors-taken-by-better-pairs': 1 } }));

      await this.unitOfWork.run(run.requestedBy, async (tx) => {
        await this.matches.supersedeOpenProposalsOfCohort(tx, run.cohortId, tx.now);
        const proposals: Match[] = result.assignments.map((assignment) => ({
          id: randomUUID(),
          cohortId: run.cohortId,
          runId: run.id,
          menteeId: assignment.menteeId,
          mentorId: assignment.mentorId,
          score: assignment.score,
          explanation: draft.scores.get(pairKey(assignment.menteeId, assignment.mentorId))?.explanation ?? {},
          origin: 'run',
          status: 'proposed',
          reason: null,
          proposedAt: tx.now,
          decidedAt: null,
        }));
        if (proposals.length > 0) await this.matches.insert(tx, proposals);
        await this.runs.complete(tx, run.id, { totalScore: result.totalScore, unmatched, finishedAt: tx.now });
        tx.emit(
          ...proposals.map((proposal) => ({
            contract: MatchProposed,
            key: proposal.menteeId,
            data: { matchId: proposal.id, cohortId: run.cohortId, menteeId: proposal.menteeId, mentorId: proposal.mentorId, score: proposal.score, origin: 'run' as const, runId: run.id },
          })),
        );
        tx.emit({
          contract: MatchingRunCompleted,
          key: run.cohortId,
          data: { runId: run.id, cohortId: run.cohortId, fairness: run.fairness, proposals: proposals.length, unmatchedMentees: unmatched.length, totalScore: result.totalScore },
        });
      });
    } catch (error) {
      this.logger.error(`matching run ${run.id} failed: ${(error as Error).stack}`);
      await this.unitOfWork.run(run.requestedBy, (tx) => this.runs.fail(tx, run.id, (error as Error).message, tx.now));
    }
  }

  private async progress(run: Run, progress: number): Promise<void> {
    await this.unitOfWork.run(run.requestedBy, (tx) => this.runs.setProgress(tx, run.id, progress));
  }
}
