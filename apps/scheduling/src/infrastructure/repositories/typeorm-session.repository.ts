import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { PairTally, Session, SessionRepository, SessionStep, SessionStepAction } from '../../application/sessions/session.repository';
import type { BookedSession } from '../../domain/session-slot-rules';
import { SessionHistoryEntity } from '../entities/session-history.entity';
import { SessionEntity } from '../entities/session.entity';

const sessionOf = (entity: SessionEntity | null): Session | null => (entity ? { ...entity } : null);

@Injectable()
export class TypeOrmSessionRepository extends SessionRepository {
  async byId(tx: ReadTransaction, sessionId: string): Promise<Session | null> {
    return sessionOf(await entityManagerOf(tx).findOneBy(SessionEntity, { id: sessionId }));
  }

  async lock(tx: Transaction, sessionId: string): Promise<Session | null> {
    return sessionOf(await entityManagerOf(tx).findOne(SessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } }));
  }

  async ofMatch(tx: ReadTransaction, matchId: string): Promise<Session[]> {
    const sessions = await entityManagerOf(tx).find(SessionEntity, { where: { matchId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return sessions.map((session) => ({ ...session }));
  }

  async ofPerson(tx: ReadTransaction, personId: string, role: 'mentee' | 'mentor'): Promise<Session[]> {
    const sessions = await entityManagerOf(tx).find(SessionEntity, {
      where: role === 'mentee' ? { menteeId: personId } : { mentorId: personId },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return sessions.map((session) => ({ ...session }));
  }

  async lockOpenOfPlan(tx: Transaction, planId: string): Promise<Session[]> {
    const sessions = await entityManagerOf(tx).find(SessionEntity, {
      where: { planId, status: In(['proposed', 'confirmed']) },
      lock: { mode: 'pessimistic_write' },
    });
    return sessions.map((session) => ({ ...session }));
  }

  async add(tx: Transaction, session: Session): Promise<void> {
    await entityManagerOf(tx).insert(SessionEntity, rowOf(session));
  }

  async update(tx: Transaction, session: Session): Promise<void> {
    const { id, ...fields } = rowOf(session);
    await entityManagerOf(tx).update(SessionEntity, { id }, fields);
  }

  async lockDiariesOf(tx: Transaction, personIds: readonly string[]): Promise<void> {
    for (const personId of personIds) {
      await entityManagerOf(tx).query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`scheduling-diary:${personId}`]);
    }
  }

  async bookedBy(tx: ReadTransaction, personId: string, excludeSessionId: string | null): Promise<BookedSession[]> {
    const others = excludeSessionId ? { id: Not(excludeSessionId) } : {};
    const sessions = await entityManagerOf(tx).find(SessionEntity, {
      where: [
        { menteeId: personId, status: 'confirmed', ...others },
        { mentorId: personId, status: 'confirmed', ...others },
      ],
    });
    return sessions.map((session) => ({ id: session.id, startsAt: session.startsAt as Date, endsAt: session.endsAt as Date }));
  }

  countHeld(tx: ReadTransaction, matchId: string): Promise<number> {
    return entityManagerOf(tx).countBy(SessionEntity, { matchId, status: 'completed' });
  }

  async lastHeldAt(tx: ReadTransaction, matchId: string): Promise<Date | null> {
    const rows: { last: Date | null }[] = await entityManagerOf(tx).query(
      `SELECT max(starts_at) AS last FROM sessions WHERE match_id = $1 AND status = 'completed'`,
      [matchId],
    );
    return rows[0]?.last ? new Date(rows[0].last) : null;
  }

  async talliesOfCohort(tx: ReadTransaction, cohortId: string, now: Date): Promise<PairTally[]> {
    const rows: { match_id: string; held: string; no_shows: string; cancelled: string; last_held: Date | null; next_at: Date | null }[] = await entityManagerOf(tx).query(
      `SELECT match_id,
              count(*) FILTER (WHERE status = 'completed') AS held,
              count(*) FILTER (WHERE status = 'no-show') AS no_shows,
              count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
              max(starts_at) FILTER (WHERE status = 'completed') AS last_held,
              min(starts_at) FILTER (WHERE status = 'confirmed' AND starts_at > $2) AS next_at
         FROM sessions WHERE cohort_id = $1 GROUP BY match_id`,
      [cohortId, now],
    );
    return rows.map((row) => ({
      matchId: row.match_id,
      held: Number(row.held),
      noShows: Number(row.no_shows),
      cancelled: Number(row.cancelled),
      lastHeldAt: row.last_held ? new Date(row.last_held) : null,
      nextAt: row.next_at ? new Date(row.next_at) : null,
    }));
  }

  async appendStep(tx: Transaction, session: Session, action: SessionStepAction, detail?: Record<string, unknown>): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO session_history (session_id, at, action, actor, starts_at, ends_at, detail) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [session.id, tx.now, action, tx.actor, session.startsAt, session.endsAt, detail === undefined ? null : JSON.stringify(detail)],
    );
  }

  async historyOf(tx: ReadTransaction, sessionId: string): Promise<SessionStep[]> {
    const steps = await entityManagerOf(tx).find(SessionHistoryEntity, { where: { sessionId }, order: { id: 'ASC' } });
    return steps.map(({ at, action, actor, startsAt, endsAt, detail }) => ({ at, action, actor, startsAt, endsAt, detail }));
  }

  async erasePersonalTextOf(tx: Transaction, personId: string, role: 'mentee' | 'mentor'): Promise<void> {
    const column = role === 'mentee' ? 'mentee_id' : 'mentor_id';
    const manager = entityManagerOf(tx);
    await manager.query(
      `UPDATE sessions SET topics = NULL, next_steps = NULL, introductions = NULL, place = NULL, link = NULL, cancel_reason = NULL WHERE ${column} = $1`,
      [personId],
    );
    await manager.query(`UPDATE session_history SET detail = NULL WHERE session_id IN (SELECT id FROM sessions WHERE ${column} = $1)`, [personId]);
  }
}

function rowOf(session: Session): SessionEntity {
  return {
    ...session,
    slots: [...session.slots],
    topics: session.topics ? [...session.topics] : null,
    introductions: session.introductions ? [...session.introductions] : null,
  };
}
