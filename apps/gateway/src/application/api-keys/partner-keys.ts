import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { invalidToken, notFound } from '../../domain/gateway-error';
import { Principal } from '../../domain/principal';
import { hashSecret, newSecret } from '../../domain/secret-token';
import { ApiKey, ApiKeyRepository } from './api-key.repository';

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
    private readonly unitOfWork: UnitOfWork,
    private readonly keys: ApiKeyRepository,
  ) {}

  async create(organisationId: string, name: string, createdBy: string): Promise<PartnerKeyView & { key: string }> {
    const key = `${API_KEY_PREFIX}${newSecret()}`;
    return this.unitOfWork.run(createdBy, async (tx) => {
      const stored: ApiKey = {
        id: randomUUID(),
        organisationId,
        name,
        prefix: key.slice(0, API_KEY_PREFIX.length + 6),
        keyHash: hashSecret(key),
        createdBy,
        createdAt: tx.now,
        revokedAt: null,
      };
      await this.keys.add(tx, stored);
      return { ...view(stored), key };
    });
  }

  async list(organisationId: string | undefined): Promise<PartnerKeyView[]> {
    const keys = await this.unitOfWork.read((tx) => this.keys.list(tx, organisationId));
    return keys.map(view);
  }

  async revoke(id: string): Promise<PartnerKeyView> {
    const key = await this.unitOfWork.run('system:gateway', (tx) => this.keys.revoke(tx, id));
    if (!key) throw notFound('API key', id);
    return view(key);
  }

  /** The partner a presented key speaks for; revoked and unknown keys are refused alike. */
  async authenticate(key: string): Promise<Principal> {
    const found = await this.unitOfWork.read((tx) => this.keys.findActiveByHash(tx, hashSecret(key)));
    if (!found) throw invalidToken('the API key is not valid or has been revoked');
    return { role: 'partner', subjectId: found.organisationId };
  }
}

function view({ keyHash: _hidden, ...visible }: ApiKey): PartnerKeyView {
  return visible;
}
