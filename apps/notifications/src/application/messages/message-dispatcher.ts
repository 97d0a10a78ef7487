import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK } from '@cmp/platform';
import { CalendarInvitation, firstNameOf, Language, TemplateKey, TemplateModel } from '../../domain/message';
import { MAIL_RETRY_POLICY, nextAttemptAt } from '../../domain/retry-schedule';
import { calendarFile } from '../calendar/calendar-file';
import { MAIL_TRANSPORT, MailTransport, NOTIFICATION_SETTINGS, NotificationSettings } from '../notifications.ports';
import { RenderedMessage, TemplateRenderer } from '../templates/template-renderer';

interface DueMessage {
  id: string;
  template: TemplateKey;
  person_id: string | null;
  channel: 'email' | 'inbox';
  secret: boolean;
  model: TemplateModel;
  peer_id: string | null;
  calendar: CalendarInvitation | null;
  language: Language | null;
  to_address: string | null;
  attempts: number;
  first_attempt_at: Date | null;
}

interface ContactRow {
  name: string;
  email: string;
  preferred_language: Language;
}

export interface DispatchSummary {
  sent: number;
  retrying: number;
  failed: number;
}

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
    private readonly dataSource: DataSource,
    private readonly renderer: TemplateRenderer,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
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
    const now = this.clock();
    const lease = new Date(now.getTime() + this.settings.mailLeaseMs);
    const row = await this.dataSource.transaction(async (manager) => {
      const [due]: DueMessage[] = await manager.query(
        `SELECT id, template, person_id, channel, secret, model, peer_id, calendar, language, to_address, attempts, first_attempt_at
         FROM messages WHERE status = 'pending' AND next_attempt_at <= $1
         ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      if (due) await manager.query(`UPDATE messages SET next_attempt_at = $2 WHERE id = $1`, [due.id, lease]);
      return due;
    });
    if (!row) return null;
    try {
      const { rendered, language, to, recipientName } = await this.render(this.dataSource.manager, row);
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
      await this.recordUnderLease(row.id, lease, (manager) =>
        manager.query(
          `UPDATE messages SET status = 'sent', sent_at = $2, attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, $2),
             next_attempt_at = NULL, last_error = NULL, language = $3, to_address = $4, subject = $5, text_body = $6, html_body = $7
           WHERE id = $1`,
          [row.id, now, language, row.channel === 'email' ? to : null, rendered.subject, keepBody ? rendered.text : null, keepBody ? rendered.html : null],
        ),
      );
      return 'sent';
    } catch (error) {
      const message = (error as Error).message.slice(0, 1000);
      const attempts = row.attempts + 1;
      const firstAttemptAt = row.first_attempt_at ?? now;
      const next = nextAttemptAt(MAIL_RETRY_POLICY, attempts, firstAttemptAt, now);
      // A template that cannot render will not render on retry either: fail at once, loudly.
      const retry = next !== null && !(error instanceof RenderError);
      await this.recordUnderLease(row.id, lease, (manager) =>
        manager.query(`UPDATE messages SET status = $2, attempts = $3, first_attempt_at = $4, next_attempt_at = $5, last_error = $6 WHERE id = $1`, [
          row.id,
          retry ? 'pending' : 'failed',
          attempts,
          firstAttemptAt,
          retry ? next : null,
          message,
        ]),
      );
      this.logger.warn(`message ${row.id} (${row.template}, ${row.channel}) attempt ${attempts} failed${retry ? '' : ' for good'}: ${message}`);
      return retry ? 'retrying' : 'failed';
    }
  }

  /** Writes the outcome only while this attempt's lease holds; a late answer after another instance took over is dropped. */
  private async recordUnderLease(id: string, lease: Date, write: (manager: EntityManager) => Promise<unknown>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [held]: unknown[] = await manager.query(`SELECT 1 FROM messages WHERE id = $1 AND status = 'pending' AND next_attempt_at = $2 FOR UPDATE`, [id, lease]);
      if (held) await write(manager);
      else this.logger.warn(`message ${id}: the attempt outlived its lease and another one took over; its outcome is not recorded`);
    });
  }

  private async render(manager: EntityManager, row: DueMessage) {
    let recipientName: string | null = null;
    let language: Language = row.language ?? 'en';
    let to = row.to_address;
    if (row.person_id) {
      const contact = await this.contact(manager, row.person_id);
      if (!contact) throw new TransientFailure(`no contact record for person ${row.person_id} yet`);
      recipientName = contact.name;
      language = contact.preferred_language;
      to = contact.email;
    }
    let peer: { firstName: string; email: string } | undefined;
    if (row.peer_id) {
      const contact = await this.contact(manager, row.peer_id);
      if (!contact) throw new TransientFailure(`no contact record for person ${row.peer_id} yet`);
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

  private async contact(manager: EntityManager, personId: string): Promise<ContactRow | undefined> {
    const [row]: ContactRow[] = await manager.query(`SELECT name, email, preferred_language FROM contacts WHERE person_id = $1`, [personId]);
    return row;
  }
}
