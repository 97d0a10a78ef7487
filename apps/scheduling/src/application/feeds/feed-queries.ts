import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { THEME_TITLES } from '../../domain/playbook-themes';
import { NotFoundError } from '../../domain/scheduling-error';
import { Session, SessionRepository } from '../sessions/session.repository';
import { FeedEntry, FeedRenderer } from './feed-renderer';
import { feedTokenHash } from './feed-token-hash';
import { FeedTokenRepository } from './feed-token.repository';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A person's sessions as a calendar feed, reached by its secret URL alone. */
@Injectable()
export class FeedQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly feedTokens: FeedTokenRepository,
    private readonly sessions: SessionRepository,
    private readonly renderer: FeedRenderer,
  ) {}

  /** The feed behind a token; an unknown or revoked token is simply not found. */
  async render(token: string): Promise<string> {
    if (!TOKEN_PATTERN.test(token)) throw new NotFoundError('calendar feed', 'for this URL');
    const sessions = await this.unitOfWork.read(async (tx) => {
      const feed = await this.feedTokens.activeByHash(tx, feedTokenHash(token));
      if (!feed) throw new NotFoundError('calendar feed', 'for this URL');
      return this.sessions.ofPerson(tx, feed.personId, feed.role);
    });
    const entries = sessions.filter((session) => session.startsAt && session.endsAt).map(entryOf);
    return this.renderer.render('CMP mentoring sessions', entries);
  }
}

function entryOf(session: Session): FeedEntry {
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
