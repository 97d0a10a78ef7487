import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { FeedToken, FeedTokenRepository } from '../../application/feeds/feed-token.repository';
import { FeedTokenEntity } from '../entities/feed-token.entity';

@Injectable()
export class TypeOrmFeedTokenRepository extends FeedTokenRepository {
  async revokeActiveOf(tx: Transaction, personId: string, at: Date): Promise<number> {
    const result = await entityManagerOf(tx).update(FeedTokenEntity, { personId, revokedAt: IsNull() }, { revokedAt: at });
    return result.affected ?? 0;
  }

  async add(tx: Transaction, token: FeedToken): Promise<void> {
    await entityManagerOf(tx).insert(FeedTokenEntity, { ...token });
  }

  async activeByHash(tx: ReadTransaction, tokenHash: string): Promise<FeedToken | null> {
    const token = await entityManagerOf(tx).findOneBy(FeedTokenEntity, { tokenHash, revokedAt: IsNull() });
    return token ? { ...token } : null;
  }

  async eraseOf(tx: Transaction, personId: string): Promise<void> {
    await entityManagerOf(tx).delete(FeedTokenEntity, { personId });
  }
}
