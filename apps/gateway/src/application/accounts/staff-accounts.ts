import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { accountExists } from '../../domain/gateway-error';
import { StaffRole } from '../../domain/principal';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';

export interface StaffAccountView {
  readonly id: string;
  readonly email: string;
  readonly role: StaffRole;
  readonly createdAt: Date;
}

/** Coordinators and admins: the first admin comes from the environment, admins create the rest. */
@Injectable()
export class StaffAccounts implements OnApplicationBootstrap {
  private readonly logger = new Logger(StaffAccounts.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  /** Idempotent, and safe when several instances start at once: the unique email decides. */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.settings.bootstrapAdmin;
    if (!admin) return;
    const email = admin.email.trim().toLowerCase();
    const inserted = await this.dataSource.query(
      `INSERT INTO accounts (email, role, password_hash, status) VALUES ($1, 'admin', $2, 'active') ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, await this.passwords.hash(admin.password)],
    );
    if (inserted.length > 0) this.logger.log(`created the bootstrap admin account ${inserted[0].id}`);
  }

  async create(role: StaffRole, email: string, password: string): Promise<StaffAccountView> {
    const passwordHash = await this.passwords.hash(password);
    const [row] = await this.dataSource.query(
      `INSERT INTO accounts (email, role, password_hash, status) VALUES ($1, $2, $3, 'active') ON CONFLICT (email) DO NOTHING RETURNING id, created_at`,
      [email, role, passwordHash],
    );
    if (!row) throw accountExists();
    return { id: row.id, email, role, createdAt: row.created_at };
  }
}
