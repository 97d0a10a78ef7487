import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MatchProposed } from '@cmp/contracts';
import type { Transaction } from '@cmp/kernel';
import { pairKey, prepareDraft } from '../../domain/draft';
import { NotFoundError } from '../../domain/matching-error';
import { DEFAULT_WEIGHTS } from '../../domain/scoring';
import { CandidatePool } from '../candidates/candidate-pool';
import { CandidateRepository } from '../candidates/candidate.repository';
import { cohortRules, CohortRepository } from '../cohorts/cohort.repository';
import { AssignmentSolver } from './assignment-solver';
import { Match, MatchRepository } from './match.repository';

/**
 * Proposes mentors to mentees who have none, from the capacity that is left: after a rejection,
 * a withdrawal or a match that ended early. Runs inside the caller's transaction.
 */
@Injectable()
export class Rematcher {
  constructor(
    private readonly cohorts: CohortRepository,
    private readonly candidates: CandidateRepository,
    private readonly pool: CandidatePool,
    private readonly matches: MatchRepository,
    private readonly solver: AssignmentSolver,
  ) {}

  async proposeForUnmatched(tx: Transaction, cohortId: string): Promise<Match[]> {
    const cohort = await this.cohorts.find(tx, cohortId);
    if (!cohort) throw new NotFoundError('cohort', cohortId);
    const mentees = await this.pool.menteesToMatch(tx, cohort.id, { includeProposed: false });
    if (mentees.length === 0) return [];
    const draft = prepareDraft({
      cohort: cohortRules(cohort),
      mentees,
      mentors: await this.pool.mentors(tx),
      forbidden: await this.candidates.forbiddenPairs(tx, cohort.id),
      weights: cohort.weights ?? DEFAULT_WEIGHTS,
      promised: await this.matches.proposedPerMentor(tx, cohort.id),
    });
    const result = await this.solver.solve(draft.problem, {});
    const proposals: Match[] = result.assignments.map((assignment) => ({
      id: randomUUID(),
      cohortId: cohort.id,
      runId: null,
      menteeId: assignment.menteeId,
      mentorId: assignment.mentorId,
      score: assignment.score,
      explanation: draft.scores.get(pairKey(assignment.menteeId, assignment.mentorId))?.explanation ?? {},
      origin: 'rematch',
      status: 'proposed',
      reason: null,
      proposedAt: tx.now,
      decidedAt: null,
    }));
    if (proposals.length === 0) return [];
    await this.matches.insert(tx, proposals);
    tx.emit(
      ...proposals.map((proposal) => ({
        contract: MatchProposed,
        key: proposal.menteeId,
        data: { matchId: proposal.id, cohortId: cohort.id, menteeId: proposal.menteeId, mentorId: proposal.mentorId, score: proposal.score, origin: 'rematch' as const },
      })),
    );
    return proposals;
  }
}
