import { Injectable } from '@nestjs/common';
import type { ReadTransaction } from '@cmp/kernel';
import type { MenteeCandidate, MentorCandidate } from '../../domain/candidate';
import { MatchRepository } from '../matches/match.repository';
import { CandidateRepository } from './candidate.repository';

/** The candidates in the shape the domain scores and constrains: the read model joined with the matches. */
@Injectable()
export class CandidatePool {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly matches: MatchRepository,
  ) {}

  /** Placed mentees of the cohort with no confirmed mentor (and, unless told otherwise, no open proposal). */
  async menteesToMatch(tx: ReadTransaction, cohortId: string, options: { readonly includeProposed: boolean }): Promise<MenteeCandidate[]> {
    const taken = await this.matches.menteesWith(tx, cohortId, options.includeProposed ? ['confirmed'] : ['confirmed', 'proposed']);
    return (await this.candidates.placedMentees(tx, cohortId)).filter((mentee) => !taken.has(mentee.id));
  }

  async mentors(tx: ReadTransaction): Promise<MentorCandidate[]> {
    const mentors = await this.candidates.mentorsOnRecord(tx);
    const active = await this.matches.confirmedPerMentor(tx);
    return mentors.map((mentor) => ({ ...mentor, activeMentees: active.get(mentor.id) ?? 0 }));
  }
}
