import type { Transaction } from '@cmp/kernel';

/** An emailed one-time sign-in link; only the hash of its token is kept. */
export interface SignInLink {
  readonly id: string;
  readonly accountId: string;
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export abstract class SignInLinkRepository {
  abstract add(tx: Transaction, link: SignInLink): Promise<void>;

  /**
   * Spends the unused, unexpired link with this token hash in one step, so two concurrent
   * redemptions cannot both win; returns its account's id, or undefined when there is no such link.
   */
  abstract spend(tx: Transaction, tokenHash: string): Promise<string | undefined>;
}
