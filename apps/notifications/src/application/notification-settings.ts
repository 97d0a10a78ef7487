import type { WebhookUrlPolicy } from '../domain/webhook-url-policy';

export interface NotificationSettings {
  /** The From of every mail, and the organiser of calendar invitations. */
  readonly mailFrom: { readonly name: string; readonly email: string };
  readonly webhookUrlPolicy: WebhookUrlPolicy;
  /** Consecutive failed attempts after which a subscription is switched off. */
  readonly webhookDisableAfterFailures: number;
  /**
   * How long a claimed webhook delivery or message is left to the instance that claimed it,
   * longer than the transport's deadline for one attempt; past it another instance may retry.
   */
  readonly webhookLeaseMs: number;
  readonly mailLeaseMs: number;
}
export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');
