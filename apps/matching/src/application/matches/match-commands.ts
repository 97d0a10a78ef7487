import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MatchConfirmed, MatchEnded, MatchEndReason, MatchProposed, MatchRejected } from '@cmp/contracts';
import { type Transaction, UnitOfWork } from '@cmp/kernel';
import { ineligibility } from '../../domain/eligibility';
import { HardConstraintError, NotFoundError, RefusedError } from '../../domain/matching-error';
import { DEFAULT_WEIGHTS, scorePair } from '../../domain/scoring';
import { CandidatePool } from '../candidates/candidate-pool';
import { CandidateRepository } from '../candidates/candidate.repository';
import { cohortRules, CohortRepository } from '../cohorts/cohort.repository';
import { Match, MatchRepository } from './match.repository';
import { RunRepository } from '../runs/run.repository';
import { Rematcher } from './rematcher';

/** What a coordinator decides about proposals, and what happens when a mentorship ends. */
@Injectable()
export class MatchCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly matches: MatchRepository,
    private readonly cohorts: CohortRepository,
    private readonly candidates: CandidateRepository,
    private readonly pool: CandidatePool,
    private readonly rematcher: Rematcher,
    private readonly runs: RunRepository,
  ) {}

  /** Confirms a run's open proposals (all, or the listed ones): they become mentorships. */
  confirmRun(actor: string, runId: string, matchIds?: string[]): Promise<Match[]> {
    return this.unitOfWork.run(actor, async (tx) => {
      const run = await this.runs.find(tx, runId);
      if (!run) throw new NotFoundError('run', runId);
      if (run.status !== 'completed') throw new RefusedError(`the run is ${run.status}`);
      const proposals = await this.matches.lockOpenProposalsOfRun(tx, runId, matchIds);
      if (matchIds && proposals.length !== new Set(matchIds).size) throw new RefusedError('some of the matches are not open proposals of this run');
      return this.confirmProposals(tx, proposals);
    });
  }

  /** Confirms one open proposal, whatever made it (run, rematch or by hand). */
  confirmOne(actor: string, matchId: string): Promise<Match> {
    return this.unitOfWork.run(actor, async (tx) => {
      const proposal = await this.lockMatch(tx, matchId);
      if (proposal.status !== 'proposed') throw new RefusedError(`the match is ${proposal.status}, not proposed`);
      const [confirmed] = await this.confirmProposals(tx, [proposal]);
      return confirmed;
    });
  }

  /** Turns a proposal down: the pair is forbidden from now on and both get new proposals. */
  reject(actor: string, matchId: string, reason: string): Promise<Match> {
    return this.unitOfWork.run(actor, async (tx) => {
      const proposal = await this.lockMatch(tx, matchId);
      if (proposal.status !== 'proposed') throw new RefusedError(`only a proposed match can be rejected; this one is ${proposal.status}`);
      Object.assign(proposal, { status: 'rejected', reason, decidedAt: tx.now });
      await this.matches.saveDecision(tx, proposal);
      await this.candidates.forbid(tx, { cohortId: proposal.cohortId, menteeId: proposal.menteeId, mentorId: proposal.mentorId });
      tx.emit({
        contract: MatchRejected,
        key: proposal.menteeId,
        data: { matchId: proposal.id, cohortId: proposal.cohortId, menteeId: proposal.menteeId, mentorId: proposal.mentorId, reason },
      });
      await this.rematcher.proposeForUnmatched(tx, proposal.cohortId);
      return proposal;
    });
  }

  /** A pair set by hand: allowed only if it breaks no hard constraint; replaces the mentee's open proposal. */
  setPair(actor: string, cohortId: string, menteeId: string, mentorId: string): Promise<Match> {
    return this.unitOfWork.run(actor, async (tx) => {
      const cohort = await this.cohorts.find(tx, cohortId);
      if (!cohort) throw new NotFoundError('cohort', cohortId);
      const mentee = (await this.pool.menteesToMatch(tx, cohortId, { includeProposed: true })).find((candidate) => candidate.id === menteeId);
      if (!mentee) throw new RefusedError('the mentee is not a placed mentee of this cohort without a confirmed mentor');
      const mentor = (await this.pool.mentors(tx)).find((candidate) => candidate.id === mentorId);
      if (!mentor) throw new NotFoundError('mentor', mentorId);
      const promised = (await this.matches.proposedPerMentor(tx, cohortId)).get(mentorId) ?? 0;
      const open = await this.matches.lockOpenProposalOf(tx, menteeId);
      const promisedToOthers = promised - (open?.mentorId === mentorId ? 1 : 0);
      const reasons: string[] = ineligibility(mentee, { ...mentor, activeMentees: mentor.activeMentees + promisedToOthers }, cohortRules(cohort), () => false);
      if (await this.candidates.isForbidden(tx, { cohortId, menteeId, mentorId })) reasons.push('rejected-by-coordinator');
      if (reasons.length > 0) throw new HardConstraintError(reasons);
      if (open) {
        Object.assign(open, { status: 'superseded', decidedAt: tx.now });
        await this.matches.saveDecision(tx, open);
      }
      const { score, explanation } = scorePair(mentee, mentor, cohort.weights ?? DEFAULT_WEIGHTS);
      const proposal: Match = {
        id: randomUUID(),
        cohortId,
        runId: null,
        menteeId,
        mentorId,
        score,
        explanation,
        origin: 'manual',
        status: 'proposed',
        reason: null,
        proposedAt: tx.now,
        decidedAt: null,
      };
      await this.matches.insert(tx, [proposal]);
      tx.emit({ contract: MatchProposed, key: menteeId, data: { matchId: proposal.id, cohortId, menteeId, mentorId, score, origin: 'manual' as const } });
      return proposal;
    });
  }

  /** Ends a confirmed mentorship; unless it was completed, the mentee gets a rematch proposal. */
  end(actor: string, matchId: string, reason: MatchEndReason): Promise<Match> {
    return this.unitOfWork.run(actor, async (tx) => {
      const match = await this.lockMatch(tx, matchId);
      if (match.status !== 'confirmed') throw new RefusedError(`only a confirmed match can end; this one is ${match.status}`);
      await this.endMatches(tx, [match], reason);
      if (reason !== 'completed') await this.rematcher.proposeForUnmatched(tx, match.cohortId);
      return match;
    });
  }

  /** Ends confirmed matches in the caller's transaction: a coordinator's decision or an event's effect. */
  async endMatches(tx: Transaction, matches: Match[], reason: MatchEndReason): Promise<void> {
    for (const match of matches) {
      Object.assign(match, { status: 'ended', reason, decidedAt: tx.now });
      await this.matches.saveDecision(tx, match);
    }
    tx.emit(
      ...matches.map((match) => ({
        contract: MatchEnded,
        key: match.menteeId,
        data: { matchId: match.id, cohortId: match.cohortId, menteeId: match.menteeId, mentorId: match.mentorId, reason },
      })),
    );
  }

  private async confirmProposals(tx: Transaction, proposals: Match[]): Promise<Match[]> {
    const mentors = new Map((await this.pool.mentors(tx)).map((mentor) => [mentor.id, mentor]));
    const added = new Map<string, number>();
    for (const proposal of proposals) {
      const mentor = mentors.get(proposal.mentorId);
      const load = (mentor?.activeMentees ?? 0) + (added.get(proposal.mentorId) ?? 0);
      if (!mentor || mentor.status !== 'active' || load >= mentor.profile.capacity) {
        throw new RefusedError(`mentor ${proposal.mentorId} can no longer take mentee ${proposal.menteeId}`);
      }
      added.set(proposal.mentorId, (added.get(proposal.mentorId) ?? 0) + 1);
      Object.assign(proposal, { status: 'confirmed', decidedAt: tx.now });
      await this.matches.saveDecision(tx, proposal);
    }
    tx.emit(
      ...proposals.map((proposal) => ({
        contract: MatchConfirmed,
        key: proposal.menteeId,
        data: { matchId: proposal.id, cohortId: proposal.cohortId, menteeId: proposal.menteeId, mentorId: proposal.mentorId, confirmedAt: tx.now.toISOString() },
      })),
    );
    return proposals;
  }

  private async lockMatch(tx: Transaction, matchId: string): Promise<Match> {
    const match = await this.matches.lock(tx, matchId);
    if (!match) throw new NotFoundError('match', matchId);
    return match;
  }
}
