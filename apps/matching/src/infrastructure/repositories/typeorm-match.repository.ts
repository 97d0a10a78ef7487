import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, In } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { Match, MatchParty, MatchRepository, MatchStatus } from '../../application/matches/match.repository';
import { MatchEntity } from '../entities/match.entity';

const FOR_UPDATE = { mode: 'pessimistic_write' } as const;

@Injectable()
export class TypeOrmMatchRepository extends MatchRepository {
  lock(tx: Transaction, matchId: string): Promise<Match | null> {
    return entityManagerOf(tx).findOne(MatchEntity, { where: { id: matchId }, lock: FOR_UPDATE });
  }

  lockOpenProposalsOfRun(tx: Transaction, runId: string, matchIds?: readonly string[]): Promise<Match[]> {
    return entityManagerOf(tx).find(MatchEntity, {
      where: { runId, status: 'proposed', ...(matchIds ? { id: In([...matchIds]) } : {}) },
      lock: FOR_UPDATE,
      order: { menteeId: 'ASC' },
    });
  }

  lockOpenProposalOf(tx: Transaction, menteeId: string): Promise<Match | null> {
    return entityManagerOf(tx).findOne(MatchEntity, { where: { menteeId, status: 'proposed' }, lock: FOR_UPDATE });
  }

  lockConfirmed(tx: Transaction, which: MatchParty | { readonly matchId: string }): Promise<Match[]> {
    const whose = 'matchId' in which ? { id: which.matchId } : { ...which };
    return entityManagerOf(tx).find(MatchEntity, { where: { ...whose, status: 'confirmed' }, lock: FOR_UPDATE });
  }

  openProposalsOf(tx: ReadTransaction, party: MatchParty): Promise<Match[]> {
    return entityManagerOf(tx).find(MatchEntity, { where: { ...party, status: 'proposed' } });
  }

  async insert(tx: Transaction, matches: readonly Match[]): Promise<void> {
    await entityManagerOf(tx).insert(MatchEntity, [...matches]);
  }

  async saveDecision(tx: Transaction, match: Match): Promise<void> {
    await entityManagerOf(tx).update(MatchEntity, match.id, { status: match.status, reason: match.reason, decidedAt: match.decidedAt });
  }

  async supersedeOpenProposalsOfCohort(tx: Transaction, cohortId: string, at: Date): Promise<void> {
    await entityManagerOf(tx).update(MatchEntity, { cohortId, status: 'proposed' }, { status: 'superseded', decidedAt: at });
  }

  async menteesWith(tx: ReadTransaction, cohortId: string, statuses: readonly MatchStatus[]): Promise<Set<string>> {
    const matches = await entityManagerOf(tx).find(MatchEntity, { where: { cohortId, status: In([...statuses]) }, select: { menteeId: true } });
    return new Set(matches.map((match) => match.menteeId));
  }

  async confirmedPerMentor(tx: ReadTransaction): Promise<Map<string, number>> {
    const rows: { mentor_id: string; count: number }[] = await entityManagerOf(tx).query(
      `SELECT mentor_id, count(*)::int AS count FROM matches WHERE status = 'confirmed' GROUP BY mentor_id`,
    );
    return new Map(rows.map((row) => [row.mentor_id, row.count]));
  }

  async proposedPerMentor(tx: ReadTransaction, cohortId: string): Promise<Map<string, number>> {
    const rows: { mentor_id: string; count: number }[] = await entityManagerOf(tx).query(
      `SELECT mentor_id, count(*)::int AS count FROM matches WHERE status = 'proposed' AND cohort_id = $1 GROUP BY mentor_id`,
      [cohortId],
    );
    return new Map(rows.map((row) => [row.mentor_id, row.count]));
  }

  ofRun(tx: ReadTransaction, runId: string): Promise<Match[]> {
    return entityManagerOf(tx).find(MatchEntity, { where: { runId }, order: { menteeId: 'ASC' } });
  }

  ofCohort(tx: ReadTransaction, cohortId: string, status?: MatchStatus): Promise<Match[]> {
    const where: FindOptionsWhere<MatchEntity> = { cohortId, ...(status ? { status } : {}) };
    return entityManagerOf(tx).find(MatchEntity, { where, order: { proposedAt: 'ASC', menteeId: 'ASC' } });
  }

  ofPerson(tx: ReadTransaction, personId: string): Promise<Match[]> {
    return entityManagerOf(tx).find(MatchEntity, { where: [{ menteeId: personId }, { mentorId: personId }], order: { proposedAt: 'ASC' } });
  }
}
