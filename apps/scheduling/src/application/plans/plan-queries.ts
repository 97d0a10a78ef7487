import { Injectable } from '@nestjs/common';
import { type Actor, UnitOfWork } from '@cmp/kernel';
import { partOf } from '../../domain/access-rules';
import { NotFoundError } from '../../domain/scheduling-error';
import { SessionDetails, SessionQueries } from '../sessions/session-queries';
import { Session, SessionRepository } from '../sessions/session.repository';
import { Plan, PlanRepository } from './plan.repository';

/** A match's plan with its sessions in diary order. */
export interface PlanDetails {
  readonly plan: Plan;
  readonly sessionsHeld: number;
  readonly sessions: readonly SessionDetails[];
}

@Injectable()
export class PlanQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly plans: PlanRepository,
    private readonly sessions: SessionRepository,
    private readonly sessionQueries: SessionQueries,
  ) {}

  planOf(actor: Actor, matchId: string): Promise<PlanDetails> {
    return this.unitOfWork.read(async (tx) => {
      const plan = await this.plans.ofMatch(tx, matchId);
      if (!plan) throw new NotFoundError('plan of match', matchId);
      partOf(actor, plan);
      const sessions = chronological(await this.sessions.ofMatch(tx, matchId));
      return {
        plan,
        sessionsHeld: sessions.filter((session) => session.status === 'completed').length,
        sessions: await Promise.all(sessions.map((session) => this.sessionQueries.detailsOf(tx, session))),
      };
    });
  }
}

/**
 * Sessions in diary order: by the agreed time, or for a proposal by its earliest slot; sessions
 * created in the same instant would otherwise come out in id order, which means nothing to a reader.
 */
function chronological(sessions: Session[]): Session[] {
  const when = (session: Session) => session.startsAt?.getTime() ?? Math.min(...session.slots.map((slot) => Date.parse(slot.startsAt)));
  return [...sessions].sort((a, b) => when(a) - when(b));
}
