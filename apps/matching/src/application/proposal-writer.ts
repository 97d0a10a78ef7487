import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { MatchProposed } from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { AssignmentSolver } from '../infrastructure/assignment-solver';
import { CandidateRepository } from '../infrastructure/candidate-repository';
import { CohortEntity, MatchEntity } from '../infrastructure/entities/matching.entities';
import { prepareDraft, pairKey } from '../domain/draft';
import { DEFAULT_WEIGHTS } from '../domain/scoring';

/**
 * Proposes mentors to mentees who have none, from the capacity that is left: after a rejection,
 * a withdrawal or a match that ended early. Runs inside the caller's transaction.
 */
@Injectable()
export class Rematcher {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly solver: AssignmentSolver,
    private readonly outbox: Outbox,
  ) {}

  async proposeForUnmatched(manager: EntityManager, cohort: CohortEntity, at: Date): Promise<MatchEntity[]> {
    const mentees = await this.candidates.menteesToMatch(manager, cohort.id, { includeProposed: false });
    if (mentees.length === 0) return [];
    const draft = prepareDraft({
      cohort: this.candidates.rules(cohort),
      mentees,
      mentors: await this.candidates.mentors(manager),
      forbidden: await this.candidates.forbidden(manager, cohort.id),
      weights: cohort.weights ?? DEFAULT_WEIGHTS,
      promised: await this.candidates.promised(manager, cohort.id),
    });
    const result = await this.solver.solve(draft.problem, {});
    const proposals = result.assignments.map((assignment) =>
      manager.create(MatchEntity, {
        id: randomUUID(),
        cohortId: cohort.id,
        runId: null,
        menteeId: assignment.menteeId,
        mentorId: assignment.mentorId,
        score: assignment.score,
        explanation: draft.scores.get(pairKey(assignment.menteeId, assignment.mentorId))?.explanation ?? {},
        origin: 'rematch' as const,
        status: 'proposed' as const,
        reason: null,
        proposedAt: at,
        decidedAt: null,
      }),
    );
    if (proposals.length === 0) return [];
    await manager.insert(MatchEntity, proposals);
    await this.outbox.add(
      manager,
      ...proposals.map((proposal) => ({
        contract: MatchProposed,
        key: proposal.menteeId,
        data: { matchId: proposal.id, cohortId: cohort.id, menteeId: proposal.menteeId, mentorId: proposal.mentorId, score: proposal.score, origin: 'rematch' as const },
      })),
    );
    return proposals;
  }
}
