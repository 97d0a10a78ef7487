import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { invalidCredentials } from '../../domain/gateway-error';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { AccountRepository } from '../accounts/account.repository';
import { IssuedTokens, SessionTokens } from '../sessions/session-tokens';
import { SignInAttempts } from './sign-in-attempts';

@Injectable()
export class PasswordSignIn {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accounts: AccountRepository,
    private readonly passwords: PasswordHasher,
    private readonly attempts: SignInAttempts,
    private readonly sessions: SessionTokens,
  ) {}

  /** Checks the lock-out first: a locked account is refused even with the right password. */
  async execute(email: string, password: string, ip: string): Promise<IssuedTokens> {
    await this.attempts.ensureNotLocked(email, ip);
    const account = await this.uow.read((tx) => this.accounts.findActiveByEmail(tx, email));
    const valid = await this.passwords.verify(account?.passwordHash, password);
    if (!account || !valid) {
      await this.attempts.recordFailure(email, ip);
      throw invalidCredentials();
    }
    await this.attempts.recordSuccess(email);
    return this.uow.run('system:gateway-sign-in', (tx) => this.sessions.open(tx, account));
  }
}
