import { Injectable } from '@nestjs/common';
import type { Transaction } from '@cmp/kernel';
import { SignInLink, SignInLinkRepository } from '../../application/sign-in/sign-in-link.repository';
import { SignInLinkEntity } from '../entities/sign-in-link.entity';
import { entityManagerOf } from '@cmp/messaging';

@Injectable()
export class TypeOrmSignInLinkRepository extends SignInLinkRepository {
  async add(tx: Transaction, link: SignInLink): Promise<void> {
    const { id, accountId, tokenHash, createdAt, expiresAt, usedAt } = link;
    await entityManagerOf(tx).insert(SignInLinkEntity, { id, accountId, tokenHash, createdAt, expiresAt, usedAt });
  }

  async spend(tx: Transaction, tokenHash: string): Promise<string | undefined> {
    const [rows]: [{ account_id: string }[], number] = await entityManagerOf(tx).query(
      `UPDATE sign_in_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING account_id`,
      [tokenHash, tx.now],
    );
    return rows[0]?.account_id;
  }
}
