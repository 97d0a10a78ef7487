import { Injectable } from '@nestjs/common';
import { type Actor, type ReadTransaction, UnitOfWork } from '@cmp/kernel';
import { partOf } from '../../domain/access-rules';
import { NotFoundError } from '../../domain/scheduling-error';
import { Session, SessionRepository, SessionStep } from './session.repository';

/** A session with every step it went through. */
export interface SessionDetails {
  readonly session: Session;
  readonly history: readonly SessionStep[];
}

@Injectable()
export class SessionQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sessions: SessionRepository,
  ) {}

  session(actor: Actor, sessionId: string): Promise<SessionDetails> {
    return this.unitOfWork.read(async (tx) => {
      const session = await this.sessions.byId(tx, sessionId);
      if (!session) throw new NotFoundError('session', sessionId);
      partOf(actor, session);
      return this.detailsOf(tx, session);
    });
  }

  /** For the plan's read side, which has checked the actor already. */
  async detailsOf(tx: ReadTransaction, session: Session): Promise<SessionDetails> {
    return { session, history: await this.sessions.historyOf(tx, session.id) };
  }
}
