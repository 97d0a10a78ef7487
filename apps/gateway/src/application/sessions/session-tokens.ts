import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '@cmp/kernel';
import { CLOCK, Clock } from '@cmp/platform';
import { AccessClaims, readAccessToken, signAccessToken } from './access-token';
import { invalidToken } from '../../domain/gateway-error';
import { Principal, Role, ROLES } from '../../domain/principal';
import { judgeRefresh, successorExpiry } from '../../domain/refresh-rotation';
import { hashSecret, newSecret } from '../../domain/secret-token';
import { Account, AccountRepository } from '../accounts/account.repository';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';
import { OpenSessions } from './open-sessions';
import { Session, SessionRepository } from './session.repository';

/** Who session changes are recorded as; the account is named by the session itself. */
const GATEWAY_ACTOR = 'system:gateway';

export interface IssuedTokens {
  readonly tokenType: 'Bearer';
  readonly accessToken: string;
  /** Seconds the access token lives. */
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: string;
}

/** The id services know a signed-in account by: the person for mentees and mentors, else the account. */
export function subjectOf(account: Pick<Account, 'id' | 'role' | 'personId'>): string {
  return account.personId ?? account.id;
}

/**
 * Sessions, access tokens and rotating refresh tokens. Access tokens are short-lived HS256 JWTs
 * naming the session; every request checks that the session is still open, so signing out
 * (or a detected refresh-token theft) ends access at once rather than when the token expires.
 */
@Injectable()
export class SessionTokens {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sessions: SessionRepository,
    private readonly accounts: AccountRepository,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly openSessions: OpenSessions,
  ) {}

  /** Opens a session for the account and issues its first tokens, in a transaction of its own. */
  open(account: Account): Promise<IssuedTokens> {
    return this.unitOfWork.run(GATEWAY_ACTOR, (tx) => this.openIn(tx, account));
  }

  /** Opens a session for the account within the caller's transaction. */
  async openIn(tx: Transaction, account: Account): Promise<IssuedTokens> {
    const now = tx.now;
    const session: Session = {
      id: randomUUID(),
      accountId: account.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.settings.sessionTtlSeconds * 1000),
      revokedAt: null,
      revokedReason: null,
    };
    await this.sessions.addSession(tx, session);
    return this.issue(tx, account, session);
  }

  /** Spends a refresh token for new tokens; a spent token presented again revokes the session. */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const outcome = await this.unitOfWork.run(GATEWAY_ACTOR, async (tx) => {
      const token = await this.sessions.lockRefreshToken(tx, hashSecret(refreshToken));
      const session = token ? await this.sessions.lockSession(tx, token.sessionId) : undefined;
      const verdict = judgeRefresh(token, session, tx.now);
      if (verdict === 'reuse-detected' && session) {
        await this.sessions.revoke(tx, session.id, 'refresh token reused');
        return { verdict, sessionId: session.id } as const;
      }
      if (verdict !== 'rotate' || !token || !session) return { verdict } as const;
      const account = await this.accounts.findById(tx, session.accountId);
      if (!account) throw new Error(`session ${session.id} names account ${session.accountId}, which does not exist`);
      await this.sessions.markReplaced(tx, token.id);
      return { verdict, tokens: await this.issue(tx, account, session) } as const;
    });
    // Outside the transaction: the revocation of a reused family must commit before we refuse.
    if (outcome.verdict === 'reuse-detected' && 'sessionId' in outcome && outcome.sessionId) this.openSessions.forget(outcome.sessionId);
    if (!('tokens' in outcome) || !outcome.tokens) throw invalidToken(refusalOf(outcome.verdict));
    return outcome.tokens;
  }

  /** Ends the session the refresh token belongs to. Unknown tokens end nothing and say nothing. */
  async signOut(refreshToken: string): Promise<void> {
    const ended = await this.unitOfWork.run(GATEWAY_ACTOR, (tx) => this.sessions.signOutByRefreshToken(tx, hashSecret(refreshToken)));
    // Other instances hear of it through the sessions_revoked notification.
    for (const id of ended) this.openSessions.forget(id);
  }

  /** The principal of a valid access token of an open session; a 401 problem otherwise. */
  async verifyAccessToken(token: string): Promise<Principal> {
    const reading = readAccessToken(token, this.settings.jwtSecret, Math.floor(this.clock().getTime() / 1000));
    if (!reading.valid) throw invalidToken(reading.reason === 'expired' ? 'the access token has expired: refresh it' : 'the access token is not valid');
    const { claims } = reading;
    if (!isRole(claims.role)) throw invalidToken('the access token is not valid');
    if (!(await this.openSessions.isOpen(claims.sid))) throw invalidToken('the session has ended: sign in again');
    return { role: claims.role, subjectId: claims.act, accountId: claims.sub, sessionId: claims.sid };
  }

  private async issue(tx: Transaction, account: Account, session: Session): Promise<IssuedTokens> {
    const now = tx.now;
    const refreshToken = newSecret();
    const expiresAt = successorExpiry(now, this.settings.refreshTokenTtlSeconds * 1000, session);
    await this.sessions.addRefreshToken(tx, { id: randomUUID(), sessionId: session.id, tokenHash: hashSecret(refreshToken), createdAt: now, expiresAt, replacedAt: null });
    const iat = Math.floor(now.getTime() / 1000);
    const claims: AccessClaims = { sub: account.id, role: account.role, act: subjectOf(account), sid: session.id, iat, exp: iat + this.settings.accessTokenTtlSeconds };
    const accessToken = signAccessToken(claims, this.settings.jwtSecret);
    return { tokenType: 'Bearer', accessToken, expiresIn: this.settings.accessTokenTtlSeconds, refreshToken, refreshTokenExpiresAt: expiresAt.toISOString() };
  }
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function refusalOf(verdict: string): string {
  switch (verdict) {
    case 'reuse-detected':
      return 'the refresh token was already used: the session is revoked, sign in again';
    case 'session-ended':
      return 'the session has ended: sign in again';
    case 'expired':
      return 'the refresh token has expired: sign in again';
    default:
      return 'the refresh token is not valid';
  }
}
