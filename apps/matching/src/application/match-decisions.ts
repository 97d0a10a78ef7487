import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { MatchConfirmed, MatchEnded, MatchEndReason, MatchProposed, MatchRejected } from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { ineligibility } from '../domain/eligibility';
import { scorePair, DEFAULT_WEIGHTS } from '../domain/scoring';
import { CandidateRepository } from '../infrastructure/candidate-repository';
import { CohortEntity, ForbiddenPairEntity, MatchEntity, RunEntity } from '../infrastructure/entities/matching.entities';
import { breaksConstraints, notFound, refused } from './matching-errors';
import { Rematcher } from './proposal-writer';

/** What a coordinator decides about proposals, and what happens when a mentorship ends. */
@Injectable()
export class MatchDecisions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidateRepository,
    private readonly rematcher: Rematcher,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Confirms a run's open proposals (all, or the listed ones): they become mentorships. */
  confirm(runId: string, matchIds?: string[]): Promise<MatchEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const run = await manager.findOneBy(RunEntity, { id: runId });
      if (!run) throw notFound('run', runId);
      if (run.status !== 'completed') throw refused(`the run is ${run.status}`);
      const proposals = await manager.find(MatchEntity, {
        where: { runId, status: 'proposed', ...(matchIds ? { id: In(matchIds) } : {}) },
        lock: { mode: 'pessimistic_write' },
        order: { menteeId: 'ASC' },
      });
      if (matchIds && proposals.length !== new Set(matchIds).size) throw refused('some of the matches are not open proposals of this run');
      return this.confirmProposals(manager, proposals);
    });
  }

  /** Confirms one open proposal, whatever made it (run, rematch or by hand). */
  confirmOne(matchId: string): Promise<MatchEntity> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.lockMatch(manager, matchId);
      if (proposal.status !== 'proposed') throw refused(`the match is ${proposal.status}, not proposed`);
      const [confirmed] = await this.confirmProposals(manager, [proposal]);
      return confirmed;
    });
  }

  /** Turns a proposal down: the pair is forbidden from now on and both get new proposals. */
  reject(matchId: string, reason: string): Promise<MatchEntity> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.lockMatch(manager, matchId);
      if (proposal.status !== 'proposed') throw refused(`only a proposed match can be rejected; this one is ${proposal.status}`);
      const now = this.clock();
      Object.assign(proposal, { status: 'rejected', reason, decidedAt: now });
      await manager.save(proposal);
      await manager.upsert(ForbiddenPairEntity, { cohortId: proposal.cohortId, menteeId: proposal.menteeId, mentorId: proposal.mentorId }, [
        'cohortId',
        'menteeId',
        'mentorId',
      ]);
      await this.outbox.add(manager, {
        contract: MatchRejected,
        key: proposal.menteeId,
        data: { matchId: proposal.id, cohortId: proposal.cohortId, menteeId: proposal.menteeId, mentorId: proposal.mentorId, reason },
      });
      await this.rematcher.proposeForUnmatched(manager, await this.cohortOf(manager, proposal.cohortId), now);
      return proposal;
    });
  }

  /** A pair set by hand: allowed only if it breaks no hard constraint; replaces the mentee's open proposal. */
  setPair(cohortId: string, menteeId: string, mentorId: string): Promise<MatchEntity> {
    return this.dataSource.transaction(async (manager) => {
      const cohort = await this.cohortOf(manager, cohortId);
      const mentee = (await this.candidates.menteesToMatch(manager, cohortId, { includeProposed: true })).find((candidate) => candidate.id === menteeId);
      if (!mentee) throw refused('the mentee is not a placed mentee of this cohort without a confirmed mentor');
      const mentor = (await this.candidates.mentors(manager)).find((candidate) => candidate.id === mentorId);
      if (!mentor) throw notFound('mentor', mentorId);
      const promised = (await this.candidates.promised(manager, cohortId)).get(mentorId) ?? 0;
      const open = await manager.findOne(MatchEntity, { where: { menteeId, status: 'proposed' }, lock: { mode: 'pessimistic_write' } });
      const promisedToOthers = promised - (open?.mentorId === mentorId ? 1 : 0);
      const reasons = ineligibility(mentee, { ...mentor, activeMentees: mentor.activeMentees + promisedToOthers }, this.candidates.rules(cohort), () => false);
      const forbidden = await manager.existsBy(ForbiddenPairEntity, { cohortId, menteeId, mentorId });
      if (forbidden) reasons.push('rejected-by-coordinator');
      if (reasons.length > 0) throw breaksConstraints(reasons);
      const now = this.clock();
      if (open) await manager.update(MatchEntity, open.id, { status: 'superseded', decidedAt: now });
      const { score, explanation } = scorePair(mentee, mentor, cohort.weights ?? DEFAULT_WEIGHTS);
      const proposal = manager.create(MatchEntity, {
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
        proposedAt: now,
        decidedAt: null,
      });
      await manager.insert(MatchEntity, proposal);
      await this.outbox.add(manager, {
        contract: MatchProposed,
        key: menteeId,
        data: { matchId: proposal.id, cohortId, menteeId, mentorId, score, origin: 'manual' },
      });
      return proposal;
    });
  }

  /** Ends a confirmed mentorship; unless it was completed, the mentee gets a rematch proposal. */
  end(matchId: string, reason: MatchEndReason): Promise<MatchEntity> {
    return this.dataSource.transaction(async (manager) => {
      const match = await this.lockMatch(manager, matchId);
      if (match.status !== 'confirmed') throw refused(`only a confirmed match can end; this one is ${match.status}`);
      await this.endMatches(manager, [match], reason);
      if (reason !== 'completed') await this.rematcher.proposeForUnmatched(manager, await this.cohortOf(manager, match.cohortId), this.clock());
      return match;
    });
  }

  /** @internal also used by the event consumers, inside their inbox transaction. */
  async endMatches(manager: EntityManager, matches: MatchEntity[], reason: MatchEndReason): Promise<void> {
    const now = this.clock();
    for (const match of matches) {
      Object.assign(match, { status: 'ended', reason, decidedAt: now });
      await manager.save(match);
    }
    await this.outbox.add(
      manager,
      ...matches.map((match) => ({
        contract: MatchEnded,
        key: match.menteeId,
        data: { matchId: match.id, cohortId: match.cohortId, menteeId: match.menteeId, mentorId: match.mentorId, reason },
      })),
    );
  }

  /** @internal */
  async cohortOf(manager: EntityManager, cohortId: string): Promise<CohortEntity> {
    const cohort = await manager.findOneBy(CohortEntity, { id: cohortId });
    if (!cohort) throw notFound('cohort', cohortId);
    return cohort;
  }

  private async confirmProposals(manager: EntityManager, proposals: MatchEntity[]): Promise<MatchEntity[]> {
    const now = this.clock();
    const mentors = new Map((await this.candidates.mentors(manager)).map((mentor) => [mentor.id, mentor]));
    const added = new Map<string, number>();
    for (const proposal of proposals) {
      const mentor = mentors.get(proposal.mentorId);
      const load = (mentor?.activeMentees ?? 0) + (added.get(proposal.mentorId) ?? 0);
      if (!mentor || mentor.status !== 'active' || load >= mentor.profile.capacity) {
        throw refused(`mentor ${proposal.mentorId} can no longer take mentee ${proposal.menteeId}`);
      }
      added.set(proposal.mentorId, (added.get(proposal.mentorId) ?? 0) + 1);
      Object.assign(proposal, { status: 'confirmed', decidedAt: now });
      await manager.save(proposal);
    }
    await this.outbox.add(
      manager,
      ...proposals.map((proposal) => ({
        contract: MatchConfirmed,
        key: proposal.menteeId,
        data: { matchId: proposal.id, cohortId: proposal.cohortId, menteeId: proposal.menteeId, mentorId: proposal.mentorId, confirmedAt: now.toISOString() },
      })),
    );
    return proposals;
  }

  private async lockMatch(manager: EntityManager, matchId: string): Promise<MatchEntity> {
    const match = await manager.findOne(MatchEntity, { where: { id: matchId }, lock: { mode: 'pessimistic_write' } });
    if (!match) throw notFound('match', matchId);
    return match;
  }
}
