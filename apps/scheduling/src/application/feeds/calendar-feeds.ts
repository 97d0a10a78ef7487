import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { Clock, CLOCK } from '@cmp/platform';
import { Actor, requireSelfOrStaff } from '../../domain/actor';
import { THEME_TITLES } from '../../domain/playbook-themes';
import { NotFoundError } from '../../domain/scheduling-error';
import { FeedEntry, IcalFeedRenderer } from '../../infrastructure/calendar/ical-feed-renderer';
import { FeedTokenEntity } from '../../infrastructure/entities/feed-token.entity';
import { PlanEntity } from '../../infrastructure/entities/plan.entity';
import { SessionEntity } from '../../infrastructure/entities/session.entity';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedFeed {
  /** Shown once; only its hash is kept, so a lost URL is replaced, not recovered. */
  readonly token: string;
  readonly path: string;
}

/** Secret, revocable calendar-feed URLs, so anyone can subscribe from any calendar app. */
@Injectable()
export class CalendarFeeds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: IcalFeedRenderer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A new URL for the person; the previous one stops working. */
  issue(actor: Actor, personId: string): Promise<IssuedFeed> {
    requireSelfOrStaff(actor, personId);
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.findOne(PlanEntity, { where: [{ menteeId: personId }, { mentorId: personId }] });
      if (!plan) throw new NotFoundError('mentorship of person', personId);
      const now = this.clock();
      await manager.update(FeedTokenEntity, { personId, revokedAt: IsNull() }, { revokedAt: now });
      const token = randomBytes(32).toString('base64url');
      await manager.insert(FeedTokenEntity, {
        id: randomUUID(),
        personId,
        role: plan.menteeId === personId ? 'mentee' : 'mentor',
        tokenHash: hashOf(token),
        createdAt: now,
        revokedAt: null,
      });
      return { token, path: `/feeds/${token}.ics` };
    });
  }

  async revoke(actor: Actor, personId: string): Promise<void> {
    requireSelfOrStaff(actor, personId);
    const result = await this.dataSource.getRepository(FeedTokenEntity).update({ personId, revokedAt: IsNull() }, { revokedAt: this.clock() });
    if (!result.affected) throw new NotFoundError('calendar feed of person', personId);
  }

  /** The feed behind a token; an unknown or revoked token is simply not found. */
  async render(token: string): Promise<string> {
    if (!TOKEN_PATTERN.test(token)) throw new NotFoundError('calendar feed', 'for this URL');
    const feed = await this.dataSource.getRepository(FeedTokenEntity).findOneBy({ tokenHash: hashOf(token), revokedAt: IsNull() });
    if (!feed) throw new NotFoundError('calendar feed', 'for this URL');
    const sessions = await this.dataSource.getRepository(SessionEntity).find({
      where: feed.role === 'mentee' ? { menteeId: feed.personId } : { mentorId: feed.personId },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    const entries: FeedEntry[] = sessions.filter((session) => session.startsAt && session.endsAt).map((session) => this.entryOf(session));
    return this.renderer.render('CMP mentoring sessions', entries);
  }

  private entryOf(session: SessionEntity): FeedEntry {
    const theme = session.theme ? THEME_TITLES[session.theme] : 'Mentoring session';
    return {
      uid: `${session.id}@cmp`,
      sequence: session.sequence,
      startsAt: session.startsAt as Date,
      endsAt: session.endsAt as Date,
      summary: `Mentoring: ${theme}`,
      description: session.status === 'cancelled' ? 'Cancelled.' : session.link ? `Join online: ${session.link}` : undefined,
      location: session.place ?? undefined,
      url: session.link ?? undefined,
      cancelled: session.status === 'cancelled',
      changedAt: session.updatedAt,
    };
  }
}
