import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@cmp/kernel';
import { CalendarInvitation, firstNameOf, Language } from '../../domain/message';
import { MAIL_RETRY_POLICY, nextAttemptAt } from '../../domain/retry-schedule';
import { calendarFile } from '../calendar/calendar-file';
import { ContactDirectoryRepository } from '../contacts/contact-directory.repository';
import { NOTIFICATION_SETTINGS, NotificationSettings } from '../notification-settings';
import { RenderedMessage, TemplateRenderer } from '../templates/template-renderer';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { DueMessage, MessageRepository } from './message.repository';

export interface DispatchSummary {
  sent: number;
  retrying: number;
  failed: number;
}

/** Who the dispatcher's writes are recorded as. */
const DISPATCHER = 'system:notifications-dispatcher';

/** The recipient or the person a message mentions is not in the directory yet; it may arrive later. */
class TransientFailure extends Error {}

/** A template that fails to render; retrying cannot help. */
class RenderError extends Error {}

/**
 * Works through due message rows: claims one at a time with `FOR UPDATE SKIP LOCKED` under a
 * lease (so two instances never send the same row), renders it in the recipient's language and
 * delivers it outside any transaction, within the mail transport's deadline. A failure schedules
 * the next attempt by exponential backoff from the attempt count.
 */
@Injectable()
export class MessageDispatcher {
  private readonly logger = new Logger(MessageDispatcher.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly messages: MessageRepository,
    private readonly contacts: ContactDirectoryRepository,
    private readonly renderer: TemplateRenderer,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  /** Delivers everything due now (up to `limit` rows); tests call it after moving the clock. */
  async runDueMessages(limit = 100): Promise<DispatchSummary> {
    const summary: DispatchSummary = { sent: 0, retrying: 0, failed: 0 };
    for (let i = 0; i < limit; i += 1) {
      const outcome = await this.dispatchOne();
      if (outcome === null) break;
      summary[outcome] += 1;
    }
    return summary;
  }

  /**
   * Claim, commit, send, record: the claim moves the row's next attempt past the send's deadline
   * (a lease), so no transaction or row lock is held while the SMTP server answers, and another
   * instance leaves the row alone until the lease runs out (then it is tried again: at least once).
   */
  private async dispatchOne(): Promise<keyof DispatchSummary | null> {
    const now = this.uow.now();
    const lease = new Date(now.getTime() + this.settings.mailLeaseMs);
    const row = await this.uow.run(DISPATCHER, (tx) => this.messages.claimDue(tx, lease));
    if (!row) return null;
    try {
      const { rendered, language, to, recipientName } = await this.render(row);
      if (row.channel === 'email') {
        if (!to) throw new Error('no address to mail to');
        await this.mail.send({
          to,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId: `<${row.id}@cmp.notifications>`,
          ...(row.calendar ? { calendar: { method: row.calendar.method, content: this.calendarOf(row.calendar, rendered, to, recipientName, now) } } : {}),
        });
      }
      const keepBody = !(row.secret && row.channel === 'email');
      await this.recordUnderLease(row.id, lease, (tx) =>
        this.messages.recordSent(tx, row.id, {
          at: now,
          language,
          toAddress: row.channel === 'email' ? to : null,
          subject: rendered.subject,
          text: keepBody ? rendered.text : null,
          html: keepBody ? rendered.html : null,
        }),
      );
      return 'sent';
    } catch (error) {
      const message = (error as Error).message.slice(0, 1000);
      const attempts = row.attempts + 1;
      const firstAttemptAt = row.firstAttemptAt ?? now;
      const next = nextAttemptAt(MAIL_RETRY_POLICY, attempts, firstAttemptAt, now);
      // A template that cannot render will not render on retry either: fail at once, loudly.
      const retry = next !== null && !(error instanceof RenderError);
      await this.recordUnderLease(row.id, lease, (tx) =>
        this.messages.recordFailedAttempt(tx, row.id, { status: retry ? 'pending' : 'failed', attempts, firstAttemptAt, nextAttemptAt: retry ? next : null, lastError: message }),
      );
      this.logger.warn(`message ${row.id} (${row.template}, ${row.channel}) attempt ${attempts} failed${retry ? '' : ' for good'}: ${message}`);
      return retry ? 'retrying' : 'failed';
    }
  }

  /** Writes the outcome only while this attempt's lease holds; a late answer after another instance took over is dropped. */
  private async recordUnderLease(id: string, lease: Date, write: (tx: Transaction) => Promise<void>): Promise<void> {
    await this.uow.run(DISPATCHER, async (tx) => {
      if (await this.messages.lockUnderLease(tx, id, lease)) await write(tx);
      else this.logger.warn(`message ${id}: the attempt outlived its lease and another one took over; its outcome is not recorded`);
    });
  }

  private async render(row: DueMessage) {
    let recipientName: string | null = null;
    let language: Language = row.language ?? 'en';
    let to = row.toAddress;
    if (row.personId) {
      const contact = await this.contact(row.personId);
      if (!contact) throw new TransientFailure(`no contact record for person ${row.personId} yet`);
      recipientName = contact.name;
      language = contact.preferredLanguage;
      to = contact.email;
    }
    let peer: { firstName: string; email: string } | undefined;
    if (row.peerId) {
      const contact = await this.contact(row.peerId);
      if (!contact) throw new TransientFailure(`no contact record for person ${row.peerId} yet`);
      peer = { firstName: firstNameOf(contact.name), email: contact.email };
    }
    let rendered: RenderedMessage;
    try {
      rendered = this.renderer.render(row.template, language, row.model, { recipient: { firstName: recipientName ? firstNameOf(recipientName) : null }, peer });
    } catch (error) {
      throw new RenderError(`template ${row.template}.${language} failed: ${(error as Error).message}`);
    }
    return { rendered, language, to, recipientName };
  }

  private calendarOf(invitation: CalendarInvitation, rendered: RenderedMessage, to: string, name: string | null, now: Date): string {
    return calendarFile(invitation, {
      summary: rendered.subject,
      description: rendered.text,
      organizer: this.settings.mailFrom,
      attendee: { name: name ?? to, email: to },
      stamp: now,
    });
  }

  private contact(personId: string) {
    return this.uow.read((tx) => this.contacts.findContact(tx, personId));
  }
}
