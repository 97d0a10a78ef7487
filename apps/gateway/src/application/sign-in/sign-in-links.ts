import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignInLinkRequested } from '@cmp/contracts';
import { UnitOfWork } from '@cmp/kernel';
import { invalidToken } from '../../domain/gateway-error';
import { hashSecret, newSecret } from '../../domain/secret-token';
import { AccountRepository } from '../accounts/account.repository';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';
import { IssuedTokens, SessionTokens } from '../sessions/session-tokens';
import { SignInLinkRepository } from './sign-in-link.repository';

/** Who the links' writes are recorded as: the person is not signed in yet. */
const GATEWAY_ACTOR = 'system:gateway';

/**
 * Sign-in by emailed one-time link, for mentees and mentors. The link's token is stored only as
 * a hash, expires soon and works once; the request is answered the same whether or not the
 * address has an account, so it cannot be used to find out who takes part.
 */
@Injectable()
export class SignInLinks {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly accounts: AccountRepository,
    private readonly links: SignInLinkRepository,
    private readonly sessions: SessionTokens,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async request(email: string): Promise<void> {
    await this.unitOfWork.run(GATEWAY_ACTOR, async (tx) => {
      const account = await this.accounts.findActiveByEmail(tx, email);
      if (!account || (account.role !== 'mentee' && account.role !== 'mentor') || !account.personId) return;
      const now = tx.now;
      const token = newSecret();
      const expiresAt = new Date(now.getTime() + this.settings.signInLinkTtlSeconds * 1000);
      await this.links.add(tx, { id: randomUUID(), accountId: account.id, tokenHash: hashSecret(token), createdAt: now, expiresAt, usedAt: null });
      // The link (and so the secret) travels in the event: notifications must be able to mail it.
      // It is single-use and short-lived, which bounds what a reader of the topic could do with it.
      tx.emit({
        contract: SignInLinkRequested,
        key: account.personId,
        data: { personId: account.personId, role: account.role, link: `${this.settings.signInLinkBaseUrl.replace(/\/$/, '')}/${token}`, expiresAt: expiresAt.toISOString() },
      });
    });
  }

  /** Spends the link and opens a session; a used, expired or unknown token is refused alike. */
  async redeem(token: string): Promise<IssuedTokens> {
    return this.unitOfWork.run(GATEWAY_ACTOR, async (tx) => {
      const accountId = await this.links.spend(tx, hashSecret(token));
      if (!accountId) throw invalidToken('the sign-in link is not valid: it is unknown, expired or already used');
      const account = await this.accounts.findById(tx, accountId);
      if (!account) throw new Error(`sign-in link names account ${accountId}, which does not exist`);
      return this.sessions.openIn(tx, account);
    });
  }
}
