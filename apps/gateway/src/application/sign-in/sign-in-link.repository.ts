import type { Transaction } from '@cmp/kernel';

/** One-time sign-in links, stored only as a hash of their token. */
export abstract class SignInLinkRepository {
  abstract add(tx: Transaction, link: { id: string; accountId: string; tokenHash: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  /**
   * Checks and spends the link in one statement, so two concurrent redemptions cannot both win;
   * answers its account, or null for a used, expired or unknown token.
   */
  abstract spend(tx: Transaction, tokenHash: string, at: Date): Promise<string | null>;
}
