import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { CLOCK, Clock } from '@cmp/platform';
import { invalidToken, notFound } from '../../domain/gateway-error';
import { Principal } from '../../domain/principal';
import { hashSecret, newSecret } from '../../domain/secret-token';
import { ApiKeyEntity } from '../../infrastructure/entities/gateway.entities';

/** Every key starts so; a leaked key is easy to recognise in logs and by secret scanners. */
export const API_KEY_PREFIX = 'cmp_pk_';

export interface PartnerKeyView {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

/** API keys of partner organisations: random, stored as SHA-256, shown once, revocable. */
@Injectable()
export class PartnerKeys {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(organisationId: string, name: string, createdBy: string): Promise<PartnerKeyView & { key: string }> {
    const key = `${API_KEY_PREFIX}${newSecret()}`;
    const entity: ApiKeyEntity = {
      id: randomUUID(),
      organisationId,
      name,
      prefix: key.slice(0, API_KEY_PREFIX.length + 6),
      keyHash: hashSecret(key),
      createdBy,
      createdAt: this.clock(),
      revokedAt: null,
    };
    await this.dataSource.getRepository(ApiKeyEntity).insert(entity);
    return { ...view(entity), key };
  }

  async list(organisationId: string | undefined): Promise<PartnerKeyView[]> {
    const keys = await this.dataSource.getRepository(ApiKeyEntity).find({ where: organisationId ? { organisationId } : {}, order: { createdAt: 'DESC' } });
    return keys.map(view);
  }

  async revoke(id: string): Promise<PartnerKeyView> {
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    await repository.update({ id, revokedAt: IsNull() }, { revokedAt: this.clock() });
    const key = await repository.findOneBy({ id });
    if (!key) throw notFound('API key', id);
    return view(key);
  }

  /** The partner a presented key speaks for; revoked and unknown keys are refused alike. */
  async authenticate(key: string): Promise<Principal> {
    const found = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ keyHash: hashSecret(key), revokedAt: IsNull() });
    if (!found) throw invalidToken('the API key is not valid or has been revoked');
    return { role: 'partner', subjectId: found.organisationId };
  }
}

function view({ keyHash: _hidden, ...visible }: ApiKeyEntity): PartnerKeyView {
  return visible;
}
