import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { CohortScheduledData, MenteePlacedData, MentorProfile, PersonErasedData } from '@cmp/contracts';
import { Clock, CLOCK } from '@cmp/platform';
import { CohortEntity, MatchEntity, MenteeEntity, MentorEntity } from '../infrastructure/entities/matching.entities';
import { MatchDecisions } from './match-decisions';
import { Rematcher } from './proposal-writer';

/**
 * Keeps the candidate read model in step with enrolment's events, and reacts to people leaving.
 * Every method runs in the consumer's inbox transaction and is written so that replaying the
 * topics from the beginning rebuilds the same model.
 */
@Injectable()
export class ReadModelProjector {
  constructor(
    private readonly decisions: MatchDecisions,
    private readonly rematcher: Rematcher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async cohortScheduled(manager: EntityManager, data: CohortScheduledData): Promise<void> {
    await manager.upsert(
      CohortEntity,
      { id: data.cohortId, name: data.name, excludeMentorsFromReferringOrganisation: data.excludeMentorsFromReferringOrganisation },
      ['id'],
    );
  }

  async menteePlaced(manager: EntityManager, data: MenteePlacedData): Promise<void> {
    await manager.upsert(
      MenteeEntity,
      { id: data.menteeId, cohortId: data.cohortId, referringOrganisationId: data.referringOrganisationId ?? null, profile: data.profile, status: 'placed' },
      ['id'],
    );
  }

  async menteeWithdrew(manager: EntityManager, menteeId: string): Promise<void> {
    await manager.update(MenteeEntity, { id: menteeId }, { status: 'withdrawn' });
    await this.closeOpenMatches(manager, { menteeId });
  }

  async mentorChanged(manager: EntityManager, mentorId: string, profile: MentorProfile): Promise<void> {
    const existing = await manager.findOneBy(MentorEntity, { id: mentorId });
    await manager.upsert(MentorEntity, { id: mentorId, profile, status: existing?.status ?? 'active' }, ['id']);
  }

  async mentorPaused(manager: EntityManager, mentorId: string): Promise<void> {
    await manager.update(MentorEntity, { id: mentorId }, { status: 'paused' });
    // Proposals not yet confirmed go back to the pool; ongoing mentorships continue.
    await this.supersedeProposals(manager, { mentorId });
  }

  async mentorResumed(manager: EntityManager, mentorId: string): Promise<void> {
    await manager.update(MentorEntity, { id: mentorId, status: 'paused' }, { status: 'active' });
  }

  /** The mentor's mentees lose their mentor and get rematch proposals from the remaining capacity. */
  async mentorWithdrew(manager: EntityManager, mentorId: string): Promise<void> {
    await manager.update(MentorEntity, { id: mentorId }, { status: 'withdrawn' });
    const cohortIds = await this.closeOpenMatches(manager, { mentorId });
    for (const cohortId of cohortIds) {
      await this.rematcher.proposeForUnmatched(manager, await this.decisions.cohortOf(manager, cohortId), this.clock());
    }
  }

  /** Keeps ids and counts, drops the profile facts. */
  async personErased(manager: EntityManager, data: PersonErasedData): Promise<void> {
    if (data.role === 'mentee') await manager.update(MenteeEntity, { id: data.personId }, { profile: null, status: 'erased' });
    else await manager.update(MentorEntity, { id: data.personId }, { profile: null, status: 'withdrawn' });
  }

  async mentorshipCompleted(manager: EntityManager, matchId: string): Promise<void> {
    const match = await manager.findOne(MatchEntity, { where: { id: matchId, status: 'confirmed' }, lock: { mode: 'pessimistic_write' } });
    if (match) await this.decisions.endMatches(manager, [match], 'completed');
  }

  private async closeOpenMatches(manager: EntityManager, who: { menteeId: string } | { mentorId: string }): Promise<Set<string>> {
    const confirmed = await manager.find(MatchEntity, { where: { ...who, status: 'confirmed' }, lock: { mode: 'pessimistic_write' } });
    await this.decisions.endMatches(manager, confirmed, 'withdrawn');
    const proposed = await this.supersedeProposals(manager, who);
    return new Set([...confirmed, ...proposed].map((match) => match.cohortId));
  }

  private async supersedeProposals(manager: EntityManager, who: { menteeId: string } | { mentorId: string }): Promise<MatchEntity[]> {
    const proposed = await manager.find(MatchEntity, { where: { ...who, status: In(['proposed']) } });
    for (const proposal of proposed) {
      await manager.update(MatchEntity, proposal.id, { status: 'superseded', decidedAt: this.clock() });
    }
    return proposed;
  }
}
