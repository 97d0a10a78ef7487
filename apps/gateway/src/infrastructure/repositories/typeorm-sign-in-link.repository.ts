import { Injectable } from '@nestjs/common';
import type { Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { SignInLinkRepository } from '../../application/sign-in/sign-in-link.repository';
import { SignInLinkEntity } from '../entities/gateway.entities';

@Injectable()
export class TypeOrmSignInLinkRepository extends SignInLinkRepository {
  async add(tx: Transaction, link: { id: string; accountId: string; tokenHash: string; createdAt: Date; expiresAt: Date }): Promise<void> {
    await entityManagerOf(tx).insert(SignInLinkEntity, { ...link, usedAt: null });
  }

  async spend(tx: Transaction, tokenHash: string, at: Date): Promise<string | null> {
    const [rows]: [{ account_id: string }[], number] = await entityManagerOf(tx).query(
      `UPDATE sign_in_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING account_id`,
      [tokenHash, at],
    );
    return rows[0]?.account_id ?? null;
  }
}
