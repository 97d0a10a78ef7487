import type { WebhookUrlPolicy } from '../domain/webhook-url-policy';

/** A rendered email, ready for the SMTP server. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Stable per message row, so a resend after a crash can be recognised as the same mail. */
  readonly messageId: string;
  /** An iCalendar object sent as the text/calendar alternative and as an .ics attachment. */
  readonly calendar?: { readonly method: 'REQUEST' | 'CANCEL'; readonly content: string };
}

export interface MailTransport {
  /** Resolves once the server accepted the mail; rejects on any failure (retried with backoff). */
  send(mail: OutgoingMail): Promise<void>;
}
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

export interface WebhookRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface WebhookResponse {
  readonly statusCode: number | null;
  /** The start of the response body at most; a partner's response is not stored beyond it. */
  readonly excerpt: string | null;
  readonly error: string | null;
  readonly durationMs: number;
}

export interface WebhookTransport {
  /** Never rejects: every failure is described in the response. */
  post(request: WebhookRequest): Promise<WebhookResponse>;
}
export const WEBHOOK_TRANSPORT = Symbol('WEBHOOK_TRANSPORT');

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
