import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { invalidCredentials } from '../../domain/gateway-error';
import { AccountRepository } from '../accounts/account.repository';
import { PasswordHasher } from '../accounts/password-hasher';
import { IssuedTokens, SessionTokens } from '../sessions/session-tokens';
import { SignInAttempts } from './sign-in-attempts';

@Injectable()
export class PasswordSignIn {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly accounts: AccountRepository,
    private readonly passwords: PasswordHasher,
    private readonly attempts: SignInAttempts,
    private readonly sessions: SessionTokens,
  ) {}

  /** Checks the lock-out first: a locked account is refused even with the right password. */
  async execute(email: string, password: string, ip: string): Promise<IssuedTokens> {
    await this.attempts.ensureNotLocked(email, ip);
    const account = await this.unitOfWork.read((tx) => this.accounts.findActiveByEmail(tx, email));
    const valid = await this.passwords.verify(account?.passwordHash, password);
    if (!account || !valid) {
      await this.attempts.recordFailure(email, ip);
      throw invalidCredentials();
    }
    await this.attempts.recordSuccess(email);
    return this.sessions.open(account);
  }
}
