import type { MenteeProfile, MentorProfile } from '@cmp/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { CohortRules, MenteeCandidate, MentorCandidate } from '../domain/candidate';
import { pairKey } from '../domain/draft';
import { CohortEntity, ForbiddenPairEntity, MatchEntity, MenteeEntity, MentorEntity } from './entities/matching.entities';

/** Reads the candidate read model in the shape the domain scores and constrains. */
@Injectable()
export class CandidateRepository {
  async cohort(manager: EntityManager, cohortId: string): Promise<CohortEntity | null> {
    return manager.findOneBy(CohortEntity, { id: cohortId });
  }

  rules(cohort: CohortEntity): CohortRules {
    return { cohortId: cohort.id, excludeMentorsFromReferringOrganisation: cohort.excludeMentorsFromReferringOrganisation };
  }

  /** Placed mentees of the cohort with no confirmed mentor (and, unless told otherwise, no open proposal). */
  async menteesToMatch(manager: EntityManager, cohortId: string, options: { includeProposed: boolean }): Promise<MenteeCandidate[]> {
    const taken = await manager.find(MatchEntity, {
      where: { cohortId, status: In(options.includeProposed ? ['confirmed'] : ['confirmed', 'proposed']) },
      select: { menteeId: true },
    });
    const excluded = new Set(taken.map((match) => match.menteeId));
    const mentees = await manager.find(MenteeEntity, { where: { cohortId, status: 'placed', profile: Not(IsNull()) }, order: { id: 'ASC' } });
    return mentees
      .filter((mentee) => !excluded.has(mentee.id))
      .map((mentee) => ({ id: mentee.id, referringOrganisationId: mentee.referringOrganisationId, profile: mentee.profile as MenteeProfile }));
  }

  async mentors(manager: EntityManager): Promise<MentorCandidate[]> {
    const mentors = await manager.find(MentorEntity, { where: { profile: Not(IsNull()) }, order: { id: 'ASC' } });
    const active: { mentor_id: string; count: number }[] = await manager.query(
      `SELECT mentor_id, count(*)::int AS count FROM matches WHERE status = 'confirmed' GROUP BY mentor_id`,
    );
    const activeByMentor = new Map(active.map((row) => [row.mentor_id, row.count]));
    return mentors.map((mentor) => ({ id: mentor.id, status: mentor.status, profile: mentor.profile as MentorProfile, activeMentees: activeByMentor.get(mentor.id) ?? 0 }));
  }

  async forbidden(manager: EntityManager, cohortId: string): Promise<Set<string>> {
    const pairs = await manager.findBy(ForbiddenPairEntity, { cohortId });
    return new Set(pairs.map((pair) => pairKey(pair.menteeId, pair.mentorId)));
  }

  /** Open proposals per mentor: places promised but not yet confirmed. */
  async promised(manager: EntityManager, cohortId: string): Promise<Map<string, number>> {
    const rows: { mentor_id: string; count: number }[] = await manager.query(
      `SELECT mentor_id, count(*)::int AS count FROM matches WHERE status = 'proposed' AND cohort_id = $1 GROUP BY mentor_id`,
      [cohortId],
    );
    return new Map(rows.map((row) => [row.mentor_id, row.count]));
  }
}
