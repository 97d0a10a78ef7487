import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { invalidToken, notFound } from '../../domain/gateway-error';
import { Principal } from '../../domain/principal';
import { hashSecret, newSecret } from '../../domain/secret-token';
import { PartnerKeyRepository, StoredPartnerKey } from './partner-key.repository';

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
    private readonly uow: UnitOfWork,
    private readonly keys: PartnerKeyRepository,
  ) {}

  async create(organisationId: string, name: string, createdBy: string): Promise<PartnerKeyView & { key: string }> {
    const key = `${API_KEY_PREFIX}${newSecret()}`;
    const stored: StoredPartnerKey = {
      id: randomUUID(),
      organisationId,
      name,
      prefix: key.slice(0, API_KEY_PREFIX.length + 6),
      keyHash: hashSecret(key),
      createdBy,
      createdAt: this.uow.now(),
      revokedAt: null,
    };
    await this.uow.run(createdBy, (tx) => this.keys.add(tx, stored));
    return { ...view(stored), key };
  }

  async list(organisationId: string | undefined): Promise<PartnerKeyView[]> {
    const keys = await this.uow.read((tx) => this.keys.list(tx, organisationId));
    return keys.map(view);
  }

  async revoke(id: string): Promise<PartnerKeyView> {
    const key = await this.uow.run('system:gateway-partner-keys', async (tx) => {
      await this.keys.revoke(tx, id, tx.now);
      return this.keys.find(tx, id);
    });
    if (!key) throw notFound('API key', id);
    return view(key);
  }

  /** The partner a presented key speaks for; revoked and unknown keys are refused alike. */
  async authenticate(key: string): Promise<Principal> {
    const found = await this.uow.read((tx) => this.keys.findUnrevokedByHash(tx, hashSecret(key)));
    if (!found) throw invalidToken('the API key is not valid or has been revoked');
    return { role: 'partner', subjectId: found.organisationId };
  }
}

function view({ keyHash: _hidden, ...visible }: StoredPartnerKey): PartnerKeyView {
  return visible;
}
