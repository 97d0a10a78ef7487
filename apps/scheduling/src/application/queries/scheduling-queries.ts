import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '@cmp/platform';
import { Actor, partOf, requireStaff } from '../../domain/actor';
import { copenhagenDateOf, copenhagenIso, PROGRAMME_ZONE } from '../../domain/copenhagen-time';
import { THEME_TITLES } from '../../domain/playbook-themes';
import { DEFAULT_RHYTHM } from '../../domain/programme-rhythm';
import { NotFoundError } from '../../domain/scheduling-error';
import { stallVerdict } from '../../domain/stall-rule';
import { CohortEntity } from '../../infrastructure/entities/cohort.entity';
import { PlanEntity } from '../../infrastructure/entities/plan.entity';
import { SessionHistoryEntity } from '../../infrastructure/entities/session-history.entity';
import { SessionEntity } from '../../infrastructure/entities/session.entity';

const local = (instant: Date | string | null | undefined) => (instant ? copenhagenIso(new Date(instant)) : null);

/** Read side for the gateway: times in UTC with their Copenhagen rendering beside them. */
@Injectable()
export class SchedulingQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async planOf(actor: Actor, matchId: string) {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneBy({ matchId });
    if (!plan) throw new NotFoundError('plan of match', matchId);
    partOf(actor, plan);
    const sessions = chronological(await this.dataSource.getRepository(SessionEntity).find({ where: { matchId }, order: { createdAt: 'ASC', id: 'ASC' } }));
    return {
      planId: plan.id,
      matchId: plan.matchId,
      cohortId: plan.cohortId,
      menteeId: plan.menteeId,
      mentorId: plan.mentorId,
      status: plan.status,
      endedReason: plan.endedReason,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      timeZone: PROGRAMME_ZONE,
      rhythm: plan.rhythm,
      plannedSessions: plan.plannedSessions.map((planned) => ({
        ...planned,
        title: THEME_TITLES[planned.theme],
        suggestedStartsAtLocal: local(planned.suggestedStartsAt),
      })),
      sessionsHeld: sessions.filter((session) => session.status === 'completed').length,
      sessions: await Promise.all(sessions.map((session) => this.view(session))),
    };
  }

  async session(actor: Actor, sessionId: string) {
    const session = await this.dataSource.getRepository(SessionEntity).findOneBy({ id: sessionId });
    if (!session) throw new NotFoundError('session', sessionId);
    partOf(actor, session);
    return this.view(session);
  }

  /** Coordinators' view of a cohort: sessions held per pair and which pairs are at risk. */
  async cohortOverview(actor: Actor, cohortId: string) {
    requireStaff(actor, 'see a cohort overview');
    const now = this.clock();
    const cohort = await this.dataSource.getRepository(CohortEntity).findOneBy({ id: cohortId });
    const plans = await this.dataSource.getRepository(PlanEntity).find({ where: { cohortId }, order: { createdAt: 'ASC' } });
    const counts: { match_id: string; held: string; no_shows: string; cancelled: string; last_held: Date | null; next_at: Date | null }[] = await this.dataSource.query(
      `SELECT match_id,
              count(*) FILTER (WHERE status = 'completed') AS held,
              count(*) FILTER (WHERE status = 'no-show') AS no_shows,
              count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
              max(starts_at) FILTER (WHERE status = 'completed') AS last_held,
              min(starts_at) FILTER (WHERE status = 'confirmed' AND starts_at > $2) AS next_at
         FROM sessions WHERE cohort_id = $1 GROUP BY match_id`,
      [cohortId, now],
    );
    const byMatch = new Map(counts.map((row) => [row.match_id, row]));
    const pairs = plans.map((plan) => {
      const row = byMatch.get(plan.matchId);
      const lastHeld = row?.last_held ? new Date(row.last_held) : null;
      const risk = plan.status === 'active' && plan.startsOn <= copenhagenDateOf(now) ? stallVerdict(plan.startsOn, lastHeld, now) : null;
      return {
        matchId: plan.matchId,
        menteeId: plan.menteeId,
        mentorId: plan.mentorId,
        status: plan.status,
        startsOn: plan.startsOn,
        endsOn: plan.endsOn,
        sessionsPlanned: plan.plannedSessions.length,
        sessionsHeld: Number(row?.held ?? 0),
        noShows: Number(row?.no_shows ?? 0),
        cancelled: Number(row?.cancelled ?? 0),
        lastSessionOn: lastHeld ? copenhagenDateOf(lastHeld) : null,
        nextSessionAt: row?.next_at ? new Date(row.next_at).toISOString() : null,
        nextSessionAtLocal: local(row?.next_at),
        atRisk: risk !== null,
        risk,
      };
    });
    return {
      cohortId,
      rhythm: cohort?.rhythm ?? DEFAULT_RHYTHM,
      pairs: pairs.length,
      pairsAtRisk: pairs.filter((pair) => pair.atRisk).length,
      sessionsHeld: pairs.reduce((sum, pair) => sum + pair.sessionsHeld, 0),
      perPair: pairs,
    };
  }

  private async view(session: SessionEntity) {
    const history = await this.dataSource.getRepository(SessionHistoryEntity).find({ where: { sessionId: session.id }, order: { id: 'ASC' } });
    return {
      id: session.id,
      matchId: session.matchId,
      status: session.status,
      theme: session.theme,
      title: session.theme ? THEME_TITLES[session.theme] : null,
      mode: session.mode,
      place: session.place,
      link: session.link,
      proposedBy: session.proposedBy,
      slots: session.slots.map((slot) => ({ ...slot, startsAtLocal: local(slot.startsAt), endsAtLocal: local(slot.endsAt) })),
      startsAt: session.startsAt?.toISOString() ?? null,
      endsAt: session.endsAt?.toISOString() ?? null,
      startsAtLocal: local(session.startsAt),
      endsAtLocal: local(session.endsAt),
      sequence: session.sequence,
      cancelledBy: session.cancelledBy,
      cancelReason: session.cancelReason,
      absent: session.absent,
      log:
        session.status === 'completed'
          ? { topics: session.topics, nextSteps: session.nextSteps, introductions: session.introductions, introductionsMade: session.introductionsMade }
          : null,
      history: history.map((step) => ({
        at: step.at.toISOString(),
        action: step.action,
        actor: step.actor,
        startsAt: step.startsAt?.toISOString() ?? null,
        endsAt: step.endsAt?.toISOString() ?? null,
        detail: step.detail,
      })),
    };
  }
}

/**
 * Sessions in diary order: by the agreed time, or for a proposal by its earliest slot; sessions
 * created in the same instant would otherwise come out in id order, which means nothing to a reader.
 */
function chronological(sessions: SessionEntity[]): SessionEntity[] {
  const when = (session: SessionEntity) =>
    session.startsAt?.getTime() ?? Math.min(...session.slots.map((slot) => Date.parse(slot.startsAt)));
  return [...sessions].sort((a, b) => when(a) - when(b));
}
