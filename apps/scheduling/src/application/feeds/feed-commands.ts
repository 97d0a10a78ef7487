import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { type Actor, callerName, UnitOfWork } from '@cmp/kernel';
import { requireSelfOrStaff } from '../../domain/access-rules';
import { NotFoundError } from '../../domain/scheduling-error';
import { PlanRepository } from '../plans/plan.repository';
import { feedTokenHash } from './feed-token-hash';
import { FeedTokenRepository } from './feed-token.repository';

export interface IssuedFeed {
  /** Shown once; only its hash is kept, so a lost URL is replaced, not recovered. */
  readonly token: string;
  readonly path: string;
}

/** Secret, revocable calendar-feed URLs, so anyone can subscribe from any calendar app. */
@Injectable()
export class FeedCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly plans: PlanRepository,
    private readonly feedTokens: FeedTokenRepository,
  ) {}

  /** A new URL for the person; the previous one stops working. */
  issue(actor: Actor, personId: string): Promise<IssuedFeed> {
    requireSelfOrStaff(actor, personId);
    return this.unitOfWork.run(callerName(actor), async (tx) => {
      const plan = await this.plans.anyOfPerson(tx, personId);
      if (!plan) throw new NotFoundError('mentorship of person', personId);
      await this.feedTokens.revokeActiveOf(tx, personId, tx.now);
      const token = randomBytes(32).toString('base64url');
      await this.feedTokens.add(tx, {
        id: randomUUID(),
        personId,
        role: plan.menteeId === personId ? 'mentee' : 'mentor',
        tokenHash: feedTokenHash(token),
        createdAt: tx.now,
        revokedAt: null,
      });
      return { token, path: `/feeds/${token}.ics` };
    });
  }

  async revoke(actor: Actor, personId: string): Promise<void> {
    requireSelfOrStaff(actor, personId);
    const revoked = await this.unitOfWork.run(callerName(actor), (tx) => this.feedTokens.revokeActiveOf(tx, personId, tx.now));
    if (revoked === 0) throw new NotFoundError('calendar feed of person', personId);
  }
}
