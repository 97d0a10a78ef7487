import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SignInLinkRequested } from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { CLOCK, Clock } from '@cmp/platform';
import { invalidToken } from '../../domain/gateway-error';
import { hashSecret, newSecret } from '../../domain/secret-token';
import { AccountEntity, SignInLinkEntity } from '../../infrastructure/entities/gateway.entities';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';
import { IssuedTokens, SessionTokens } from '../sessions/session-tokens';

/**
 * Sign-in by emailed one-time link, for mentees and mentors. The link's token is stored only as
 * a hash, expires soon and works once; the request is answered the same whether or not the
 * address has an account, so it cannot be used to find out who takes part.
 */
@Injectable()
export class SignInLinks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly sessions: SessionTokens,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async request(email: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneBy(AccountEntity, { email, status: 'active' });
      if (!account || (account.role !== 'mentee' && account.role !== 'mentor') || !account.personId) return;
      const now = this.clock();
      const token = newSecret();
      const expiresAt = new Date(now.getTime() + this.settings.signInLinkTtlSeconds * 1000);
      await manager.insert(SignInLinkEntity, { id: randomUUID(), accountId: account.id, tokenHash: hashSecret(token), createdAt: now, expiresAt, usedAt: null });
      // The link (and so the secret) travels in the event: notifications must be able to mail it.
      // It is single-use and short-lived, which bounds what a reader of the topic could do with it.
      await this.outbox.add(manager, {
        contract: SignInLinkRequested,
        key: account.personId,
        data: { personId: account.personId, role: account.role, link: `${this.settings.signInLinkBaseUrl.replace(/\/$/, '')}/${token}`, expiresAt: expiresAt.toISOString() },
      });
    });
  }

  /** Spends the link and opens a session; a used, expired or unknown token is refused alike. */
  async redeem(token: string): Promise<IssuedTokens> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock();
      // One statement checks and spends the link, so two concurrent redemptions cannot both win.
      const [rows] = await manager.query(
        `UPDATE sign_in_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING account_id`,
        [hashSecret(token), now],
      );
      const row = (rows as { account_id: string }[])[0];
      if (!row) throw invalidToken('the sign-in link is not valid: it is unknown, expired or already used');
      const account = await manager.findOneByOrFail(AccountEntity, { id: row.account_id });
      return this.sessions.open(account, manager);
    });
  }
}
