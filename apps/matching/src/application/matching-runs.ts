import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MatchingRunCompleted, MatchProposed } from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { pairKey, prepareDraft } from '../domain/draft';
import { DEFAULT_WEIGHTS, ScoringWeights } from '../domain/scoring';
import { AssignmentSolver } from '../infrastructure/assignment-solver';
import { CandidateRepository } from '../infrastructure/candidate-repository';
import { CohortEntity, MatchEntity, RunEntity } from '../infrastructure/entities/matching.entities';
import { notFound, refused } from './matching-errors';

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
export class MatchingRuns implements OnApplicationShutdown {
  private readonly logger = new Logger(MatchingRuns.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidateRepository,
    private readonly solver: AssignmentSolver,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(actor: string, command: StartRunCommand): Promise<RunEntity> {
    const run = await this.dataSource.transaction(async (manager) => {
      const cohort = await manager.findOne(CohortEntity, {
        where: { id: command.cohortId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!cohort) throw notFound('cohort', command.cohortId);
      if (await manager.existsBy(RunEntity, { cohortId: cohort.id, status: 'running' })) {
        throw refused('a matching run for this cohort is already running');
      }
      const entity = manager.create(RunEntity, {
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
        startedAt: this.clock(),
        finishedAt: null,
      });
      await manager.insert(RunEntity, entity);
      return entity;
    });
    const execution = this.execute(run).finally(() => this.inFlight.delete(execution));
    this.inFlight.add(execution);
    return run;
  }

  /** A run in progress finishes (or fails and says so) before the service stops. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async execute(run: RunEntity): Promise<void> {
    try {
      const manager = this.dataSource.manager;
      const cohort = await this.candidates.cohort(manager, run.cohortId);
      if (!cohort) throw notFound('cohort', run.cohortId);
      const draft = prepareDraft({
        cohort: this.candidates.rules(cohort),
        mentees: await this.candidates.menteesToMatch(manager, cohort.id, { includeProposed: true }),
        mentors: await this.candidates.mentors(manager),
        forbidden: await this.candidates.forbidden(manager, cohort.id),
        weights: run.weights,
      });
      await this.progress(run.id, 40);
      const result = await this.solver.solve(draft.problem, { fairness: run.fairness });
      await this.progress(run.id, 90);
      const now = this.clock();
      const matched = new Set(result.assignments.map((assignment) => assignment.menteeId));
      const unmatched = draft.problem.mentees
        .filter((mentee) => !matched.has(mentee.id))
        .map((mentee) => ({ menteeId: mentee.id, reasons: draft.withoutEligibleMentor.get(mentee.id) ?? { 'mentors-taken-by-better-pairs': 1 } }));

      await this.dataSource.transaction(async (tx) => {
        await tx.update(MatchEntity, { cohortId: cohort.id, status: 'proposed' }, { status: 'superseded', decidedAt: now });
        const proposals = result.assignments.map((assignment) =>
          tx.create(MatchEntity, {
            id: randomUUID(),
            cohortId: cohort.id,
            runId: run.id,
            menteeId: assignment.menteeId,
            mentorId: assignment.mentorId,
            score: assignment.score,
            explanation: draft.scores.get(pairKey(assignment.menteeId, assignment.mentorId))?.explanation ?? {},
            origin: 'run' as const,
            status: 'proposed' as const,
            reason: null,
            proposedAt: now,
            decidedAt: null,
          }),
        );
        if (proposals.length > 0) await tx.insert(MatchEntity, proposals);
        await tx.update(RunEntity, run.id, { status: 'completed', progress: 100, totalScore: result.totalScore, unmatched, finishedAt: now });
        await this.outbox.add(
          tx,
          ...proposals.map((proposal) => ({
            contract: MatchProposed,
            key: proposal.menteeId,
            data: { matchId: proposal.id, cohortId: cohort.id, menteeId: proposal.menteeId, mentorId: proposal.mentorId, score: proposal.score, origin: 'run' as const, runId: run.id },
          })),
          {
            contract: MatchingRunCompleted,
            key: cohort.id,
            data: { runId: run.id, cohortId: cohort.id, fairness: run.fairness, proposals: proposals.length, unmatchedMentees: unmatched.length, totalScore: result.totalScore },
          },
        );
      });
    } catch (error) {
      this.logger.error(`matching run ${run.id} failed: ${(error as Error).stack}`);
      await this.dataSource.manager.update(RunEntity, run.id, { status: 'failed', error: (error as Error).message, finishedAt: this.clock() });
    }
  }

  private async progress(runId: string, progress: number): Promise<void> {
    await this.dataSource.manager.update(RunEntity, runId, { progress });
  }
}
