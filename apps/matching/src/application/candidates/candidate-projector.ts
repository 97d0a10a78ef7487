import { Injectable } from '@nestjs/common';
import { CohortScheduledData, MenteePlacedData, MentorProfile, PersonErasedData } from '@cmp/contracts';
import type { Transaction } from '@cmp/kernel';
import { CohortRepository } from '../cohorts/cohort.repository';
import { MatchCommands } from '../matches/match-commands';
import { MatchParty, MatchRepository } from '../matches/match.repository';
import { Rematcher } from '../matches/rematcher';
import { CandidateRepository } from './candidate.repository';

/**
 * Keeps the candidate read model in step with enrolment's events, and reacts to people leaving.
 * Every method runs in the consumer's inbox transaction and is written so that replaying the
 * topics from the beginning rebuilds the same model.
 */
@Injectable()
export class CandidateProjector {
  constructor(
    private readonly cohorts: CohortRepository,
    private readonly candidates: CandidateRepository,
    private readonly matches: MatchRepository,
    private readonly matchCommands: MatchCommands,
    private readonly rematcher: Rematcher,
  ) {}

  async cohortScheduled(tx: Transaction, data: CohortScheduledData): Promise<void> {
    await this.cohorts.upsertScheduled(tx, { id: data.cohortId, name: data.name, excludeMentorsFromReferringOrganisation: data.excludeMentorsFromReferringOrganisation });
  }

  async menteePlaced(tx: Transaction, data: MenteePlacedData): Promise<void> {
    await this.candidates.placeMentee(tx, { id: data.menteeId, cohortId: data.cohortId, referringOrganisationId: data.referringOrganisationId ?? null, profile: data.profile });
  }

  async menteeWithdrew(tx: Transaction, menteeId: string): Promise<void> {
    await this.candidates.setMenteeStatus(tx, menteeId, 'withdrawn');
    await this.closeOpenMatches(tx, { menteeId });
  }

  async mentorChanged(tx: Transaction, mentorId: string, profile: MentorProfile): Promise<void> {
    const status = await this.candidates.mentorStatus(tx, mentorId);
    await this.candidates.saveMentor(tx, { id: mentorId, profile, status: status ?? 'active' });
  }

  async mentorPaused(tx: Transaction, mentorId: string): Promise<void> {
    await this.candidates.setMentorStatus(tx, mentorId, 'paused');
    // Proposals not yet confirmed go back to the pool; ongoing mentorships continue.
    await this.supersedeProposals(tx, { mentorId });
  }

  async mentorResumed(tx: Transaction, mentorId: string): Promise<void> {
    await this.candidates.setMentorStatus(tx, mentorId, 'active', 'paused');
  }

  /** The mentor's mentees lose their mentor and get rematch proposals from the remaining capacity. */
  async mentorWithdrew(tx: Transaction, mentorId: string): Promise<void> {
    await this.candidates.setMentorStatus(tx, mentorId, 'withdrawn');
    const cohortIds = await this.closeOpenMatches(tx, { mentorId });
    for (const cohortId of cohortIds) await this.rematcher.proposeForUnmatched(tx, cohortId);
  }

  /** Keeps ids and counts, drops the profile facts. */
  async personErased(tx: Transaction, data: PersonErasedData): Promise<void> {
    if (data.role === 'mentee') await this.candidates.eraseMentee(tx, data.personId);
    else await this.candidates.eraseMentor(tx, data.personId);
  }

  async mentorshipCompleted(tx: Transaction, matchId: string): Promise<void> {
    const confirmed = await this.matches.lockConfirmed(tx, { matchId });
    if (confirmed.length > 0) await this.matchCommands.endMatches(tx, confirmed, 'completed');
  }

  private async closeOpenMatches(tx: Transaction, party: MatchParty): Promise<Set<string>> {
    const confirmed = await this.matches.lockConfirmed(tx, party);
    await this.matchCommands.endMatches(tx, confirmed, 'withdrawn');
    const proposed = await this.supersedeProposals(tx, party);
    return new Set([...confirmed, ...proposed].map((match) => match.cohortId));
  }

  private async supersedeProposals(tx: Transaction, party: MatchParty) {
    const proposed = await this.matches.openProposalsOf(tx, party);
    for (const proposal of proposed) {
      Object.assign(proposal, { status: 'superseded', decidedAt: tx.now });
      await this.matches.saveDecision(tx, proposal);
    }
    return proposed;
  }
}
