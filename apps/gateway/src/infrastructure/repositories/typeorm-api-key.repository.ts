import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { ApiKey, ApiKeyRepository } from '../../application/api-keys/api-key.repository';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { entityManagerOf } from '@cmp/messaging';

@Injectable()
export class TypeOrmApiKeyRepository extends ApiKeyRepository {
  async add(tx: Transaction, key: ApiKey): Promise<void> {
    const { id, organisationId, name, prefix, keyHash, createdBy, createdAt, revokedAt } = key;
    await entityManagerOf(tx).insert(ApiKeyEntity, { id, organisationId, name, prefix, keyHash, createdBy, createdAt, revokedAt });
  }

  list(tx: ReadTransaction, organisationId: string | undefined): Promise<ApiKey[]> {
    return entityManagerOf(tx).find(ApiKeyEntity, { where: organisationId ? { organisationId } : {}, order: { createdAt: 'DESC' } });
  }

  async revoke(tx: Transaction, id: string): Promise<ApiKey | undefined> {
    const manager = entityManagerOf(tx);
    await manager.update(ApiKeyEntity, { id, revokedAt: IsNull() }, { revokedAt: tx.now });
    return (await manager.findOneBy(ApiKeyEntity, { id })) ?? undefined;
  }

  async findActiveByHash(tx: ReadTransaction, keyHash: string): Promise<ApiKey | undefined> {
    return (await entityManagerOf(tx).findOneBy(ApiKeyEntity, { keyHash, revokedAt: IsNull() })) ?? undefined;
  }
}
