import { Injectable } from '@nestjs/common';
import type { Transaction } from '@cmp/kernel';
import { RefreshToken, Session, SessionRepository } from '../../application/sessions/session.repository';
import { RefreshTokenEntity, SessionEntity } from '../entities/session.entity';
import { entityManagerOf } from '@cmp/messaging';

@Injectable()
export class TypeOrmSessionRepository extends SessionRepository {
  async addSession(tx: Transaction, session: Session): Promise<void> {
    const { id, accountId, createdAt, expiresAt, revokedAt, revokedReason } = session;
    await entityManagerOf(tx).insert(SessionEntity, { id, accountId, createdAt, expiresAt, revokedAt, revokedReason });
  }

  async addRefreshToken(tx: Transaction, token: RefreshToken): Promise<void> {
    const { id, sessionId, tokenHash, createdAt, expiresAt, replacedAt } = token;
    await entityManagerOf(tx).insert(RefreshTokenEntity, { id, sessionId, tokenHash, createdAt, expiresAt, replacedAt });
  }

  async lockRefreshToken(tx: Transaction, tokenHash: string): Promise<RefreshToken | undefined> {
    return (await entityManagerOf(tx).findOne(RefreshTokenEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  async lockSession(tx: Transaction, sessionId: string): Promise<Session | undefined> {
    return (await entityManagerOf(tx).findOne(SessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  async revoke(tx: Transaction, sessionId: string, reason: string): Promise<void> {
    await entityManagerOf(tx).update(SessionEntity, { id: sessionId }, { revokedAt: tx.now, revokedReason: reason });
  }

  async markReplaced(tx: Transaction, tokenId: string): Promise<void> {
    await entityManagerOf(tx).update(RefreshTokenEntity, { id: tokenId }, { replacedAt: tx.now });
  }

  async signOutByRefreshToken(tx: Transaction, tokenHash: string): Promise<string[]> {
    const [ended]: [{ id: string }[], number] = await entityManagerOf(tx).query(
      `UPDATE sessions SET revoked_at = $2, revoked_reason = 'signed out'
        WHERE revoked_at IS NULL AND id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1) RETURNING id`,
      [tokenHash, tx.now],
    );
    return ended.map(({ id }) => id);
  }
}
