import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { accountExists } from '../../domain/gateway-error';
import { StaffRole } from '../../domain/principal';
import { AccountRepository } from './account.repository';
import { PasswordHasher } from './password-hasher';
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
    private readonly unitOfWork: UnitOfWork,
    private readonly accounts: AccountRepository,
    private readonly passwords: PasswordHasher,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  /** Idempotent, and safe when several instances start at once: the unique email decides. */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.settings.bootstrapAdmin;
    if (!admin) return;
    const email = admin.email.trim().toLowerCase();
    const passwordHash = await this.passwords.hash(admin.password);
    const created = await this.unitOfWork.run('system:gateway', (tx) => this.accounts.createStaff(tx, { email, role: 'admin', passwordHash }));
    if (created) this.logger.log(`created the bootstrap admin account ${created.id}`);
  }

  async create(role: StaffRole, email: string, password: string): Promise<StaffAccountView> {
    const passwordHash = await this.passwords.hash(password);
    const created = await this.unitOfWork.run('system:gateway', (tx) => this.accounts.createStaff(tx, { email, role, passwordHash }));
    if (!created) throw accountExists();
    return { id: created.id, email, role, createdAt: created.createdAt };
  }
}
