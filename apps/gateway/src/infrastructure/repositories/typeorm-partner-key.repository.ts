import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { PartnerKeyRepository, StoredPartnerKey } from '../../application/api-keys/partner-key.repository';
import { ApiKeyEntity } from '../entities/gateway.entities';

@Injectable()
export class TypeOrmPartnerKeyRepository extends PartnerKeyRepository {
  async add(tx: Transaction, key: StoredPartnerKey): Promise<void> {
    await entityManagerOf(tx).insert(ApiKeyEntity, { ...key });
  }

  async list(tx: ReadTransaction, organisationId: string | undefined): Promise<StoredPartnerKey[]> {
    const rows = await entityManagerOf(tx).find(ApiKeyEntity, { where: organisationId ? { organisationId } : {}, order: { createdAt: 'DESC' } });
    return rows.map(keyOf);
  }

  async find(tx: ReadTransaction, id: string): Promise<StoredPartnerKey | null> {
    const row = await entityManagerOf(tx).findOneBy(ApiKeyEntity, { id });
    return row ? keyOf(row) : null;
  }

  async revoke(tx: Transaction, id: string, at: Date): Promise<void> {
    await entityManagerOf(tx).update(ApiKeyEntity, { id, revokedAt: IsNull() }, { revokedAt: at });
  }

  async findUnrevokedByHash(tx: ReadTransaction, keyHash: string): Promise<StoredPartnerKey | null> {
    const row = await entityManagerOf(tx).findOneBy(ApiKeyEntity, { keyHash, revokedAt: IsNull() });
    return row ? keyOf(row) : null;
  }
}

function keyOf(row: ApiKeyEntity): StoredPartnerKey {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    prefix: row.prefix,
    keyHash: row.keyHash,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  };
}
