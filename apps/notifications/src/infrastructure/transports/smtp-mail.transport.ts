import nodemailer, { Transporter } from 'nodemailer';
import { MailTransport, OutgoingMail } from '../../application/messages/mail-transport';

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  readonly secure: boolean;
  /** Without `secure`, refuse to send unless the server upgrades the connection with STARTTLS. */
  readonly requireTls?: boolean;
  readonly user?: string;
  readonly password?: string;
  readonly from: { readonly name: string; readonly email: string };
  /** Local capture servers have no certificate worth checking. */
  readonly rejectUnauthorized?: boolean;
}

/** Email over SMTP with nodemailer; one connection per message keeps failure handling simple. */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(
    private readonly settings: SmtpSettings,
    private readonly deadlineMs = 30_000,
  ) {
    this.transporter = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTls ?? false,
      ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      tls: { rejectUnauthorized: settings.rejectUnauthorized ?? true },
    });
  }

  /**
   * Hands the mail over within the deadline, or fails: nodemailer's own timeouts are per socket
   * step, so a server that trickles its answers could otherwise hold the mail loop for hours.
   * A hand-over that completes after the deadline may make the retry a duplicate mail.
   */
  async send(mail: OutgoingMail): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the SMTP server did not take the mail within ${this.deadlineMs} ms`)), this.deadlineMs);
    });
    try {
      await Promise.race([this.handOver(mail), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async handOver(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: { name: this.settings.from.name, address: this.settings.from.email },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      ...(mail.calendar
        ? {
            icalEvent: { method: mail.calendar.method, filename: 'invitation.ics', content: mail.calendar.content },
            attachments: [{ filename: 'invitation.ics', content: mail.calendar.content, contentType: `application/ics; method=${mail.calendar.method}` }],
          }
        : {}),
    });
  }

  close(): void {
    this.transporter.close();
  }
}
