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
