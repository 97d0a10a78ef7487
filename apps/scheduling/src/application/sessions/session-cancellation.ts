import { Injectable } from '@nestjs/common';
import { SessionCanceller, SessionCancelled } from '@cmp/contracts';
import type { Transaction } from '@cmp/kernel';
import { cancel } from '../../domain/session';
import { TimerRepository } from '../timers/timer.repository';
import { partiesOf } from './session-event-data';
import { Session, SessionRepository } from './session.repository';
import { stateOf, withState } from './session-state-mapping';

/**
 * The one way a session is cancelled, whether one of the pair (or a coordinator) asks for it or
 * its plan stops: the step, its history, its reminders and its SessionCancelled event together.
 */
@Injectable()
export class SessionCancellation {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly timers: TimerRepository,
  ) {}

  /** `session` must be locked by the caller; the rules refuse a session that has started or ended. */
  async cancel(tx: Transaction, session: Session, cancelledBy: SessionCanceller, reason: string): Promise<Session> {
    const cancelled: Session = { ...withState(session, cancel(stateOf(session), tx.now), tx.now), cancelledBy, cancelReason: reason };
    await this.sessions.update(tx, cancelled);
    await this.sessions.appendStep(tx, cancelled, 'cancelled', { reason });
    await this.timers.cancelForSession(tx, cancelled.id);
    tx.emit({
      contract: SessionCancelled,
      key: cancelled.matchId,
      data: {
        ...partiesOf(cancelled),
        ...(cancelled.startsAt ? { startsAt: cancelled.startsAt.toISOString(), endsAt: (cancelled.endsAt as Date).toISOString() } : {}),
        sequence: cancelled.sequence,
        cancelledBy,
        reason,
      },
    });
    return cancelled;
  }

  /**
   * A plan stopped: its proposed sessions and its confirmed ones that have not started are
   * cancelled; one already under way stays for the pair to record as held or missed.
   */
  async cancelOpenSessionsOf(tx: Transaction, planId: string, cancelledBy: SessionCanceller, reason: string): Promise<void> {
    for (const session of await this.sessions.lockOpenOfPlan(tx, planId)) {
      if (session.status === 'confirmed' && (session.startsAt as Date).getTime() <= tx.now.getTime()) continue;
      await this.cancel(tx, session, cancelledBy, reason);
    }
  }
}
