import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CLOCK, Clock } from '@cmp/platform';
import { AccessClaims, readAccessToken, signAccessToken } from './access-token';
import { invalidToken } from '../../domain/gateway-error';
import { Principal, Role, ROLES } from '../../domain/principal';
import { judgeRefresh, successorExpiry } from '../../domain/refresh-rotation';
import { hashSecret, newSecret } from '../../domain/secret-token';
import { AccountEntity, RefreshTokenEntity, SessionEntity } from '../../infrastructure/entities/gateway.entities';
import { OpenSessions } from '../../infrastructure/open-sessions';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';

export interface IssuedTokens {
  readonly tokenType: 'Bearer';
  readonly accessToken: string;
  /** Seconds the access token lives. */
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: string;
}

/** The id services know a signed-in account by: the person for mentees and mentors, else the account. */
export function subjectOf(account: Pick<AccountEntity, 'id' | 'role' | 'personId'>): string {
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
    private readonly dataSource: DataSource,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly openSessions: OpenSessions,
  ) {}

  /** Opens a session for the account and issues its first tokens. */
  async open(account: AccountEntity, manager: EntityManager = this.dataSource.manager): Promise<IssuedTokens> {
    const now = this.clock();
    const session: SessionEntity = {
      id: randomUUID(),
      accountId: account.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.settings.sessionTtlSeconds * 1000),
      revokedAt: null,
      revokedReason: null,
    };
    await manager.insert(SessionEntity, session);
    return this.issue(manager, account, session, now);
  }

  /** Spends a refresh token for new tokens; a spent token presented again revokes the session. */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const now = this.clock();
      const token = await manager.findOne(RefreshTokenEntity, { where: { tokenHash: hashSecret(refreshToken) }, lock: { mode: 'pessimistic_write' } });
      const session = token ? await manager.findOne(SessionEntity, { where: { id: token.sessionId }, lock: { mode: 'pessimistic_write' } }) : null;
      const verdict = judgeRefresh(token ?? undefined, session ?? undefined, now);
      if (verdict === 'reuse-detected' && session) {
        await manager.update(SessionEntity, { id: session.id }, { revokedAt: now, revokedReason: 'refresh token reused' });
        return { verdict, sessionId: session.id } as const;
      }
      if (verdict !== 'rotate' || !token || !session) return { verdict } as const;
      const account = await manager.findOneByOrFail(AccountEntity, { id: session.accountId });
      await manager.update(RefreshTokenEntity, { id: token.id }, { replacedAt: now });
      return { verdict, tokens: await this.issue(manager, account, session, now) } as const;
    });
    // Outside the transaction: the revocation of a reused family must commit before we refuse.
    if (outcome.verdict === 'reuse-detected' && 'sessionId' in outcome && outcome.sessionId) this.openSessions.forget(outcome.sessionId);
    if (!('tokens' in outcome) || !outcome.tokens) throw invalidToken(refusalOf(outcome.verdict));
    return outcome.tokens;
  }

  /** Ends the session the refresh token belongs to. Unknown tokens end nothing and say nothing. */
  async signOut(refreshToken: string): Promise<void> {
    const [ended]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE sessions SET revoked_at = $2, revoked_reason = 'signed out'
        WHERE revoked_at IS NULL AND id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1) RETURNING id`,
      [hashSecret(refreshToken), this.clock()],
    );
    // Other instances hear of it through the sessions_revoked notification.
    for (const { id } of ended) this.openSessions.forget(id);
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

  private async issue(manager: EntityManager, account: AccountEntity, session: SessionEntity, now: Date): Promise<IssuedTokens> {
    const refreshToken = newSecret();
    const expiresAt = successorExpiry(now, this.settings.refreshTokenTtlSeconds * 1000, session);
    await manager.insert(RefreshTokenEntity, { id: randomUUID(), sessionId: session.id, tokenHash: hashSecret(refreshToken), createdAt: now, expiresAt, replacedAt: null });
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
