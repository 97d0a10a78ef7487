import { Injectable } from '@nestjs/common';
import type { Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { RefreshToken, Session, SessionRepository } from '../../application/sessions/session.repository';
import { RefreshTokenEntity, SessionEntity } from '../entities/gateway.entities';

@Injectable()
export class TypeOrmSessionRepository extends SessionRepository {
  async open(tx: Transaction, session: Omit<Session, 'revokedAt'>): Promise<void> {
    await entityManagerOf(tx).insert(SessionEntity, { ...session, revokedAt: null, revokedReason: null });
  }

  async addRefreshToken(tx: Transaction, token: { id: string; sessionId: string; tokenHash: string; createdAt: Date; expiresAt: Date }): Promise<void> {
    await entityManagerOf(tx).insert(RefreshTokenEntity, { ...token, replacedAt: null });
  }

  async lockForRefresh(tx: Transaction, tokenHash: string): Promise<{ token: RefreshToken | null; session: Session | null }> {
    const manager = entityManagerOf(tx);
    const token = await manager.findOne(RefreshTokenEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
    const session = token ? await manager.findOne(SessionEntity, { where: { id: token.sessionId }, lock: { mode: 'pessimistic_write' } }) : null;
    return {
      token: token ? { id: token.id, sessionId: token.sessionId, expiresAt: token.expiresAt, replacedAt: token.replacedAt } : null,
      session: session ? { id: session.id, accountId: session.accountId, createdAt: session.createdAt, expiresAt: session.expiresAt, revokedAt: session.revokedAt } : null,
    };
  }

  async markReplaced(tx: Transaction, tokenId: string, at: Date): Promise<void> {
    await entityManagerOf(tx).update(RefreshTokenEntity, { id: tokenId }, { replacedAt: at });
  }

  async revoke(tx: Transaction, sessionId: string, at: Date, reason: string): Promise<void> {
    await entityManagerOf(tx).update(SessionEntity, { id: sessionId }, { revokedAt: at, revokedReason: reason });
  }

  async signOut(tx: Transaction, tokenHash: string, at: Date): Promise<string[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [ended]: [{ id: string }[], number] = await entityManagerOf(tx).query(
      `UPDATE sessions SET revoked_at = $2, revoked_reason = 'signed out'
        WHERE revoked_at IS NULL AND id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1) RETURNING id`,
      [tokenHash, at],
    );
    return ended.map(({ id }) => id);
  }
}
