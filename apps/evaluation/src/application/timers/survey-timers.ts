import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { PersonRole, SurveyExpired, SurveyKind } from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { copenhagenDateOf } from '../../domain/calendar-date';
import { followUpMonthsOf } from '../../domain/surveys/standard-surveys';
import { InvitationEntity } from '../../infrastructure/entities/evaluation.entities';
import { OutcomeRecorder } from '../outcomes/outcome-recorder';
import { PeopleDirectory } from '../participants/people-directory';
import { invitationEventData } from '../surveys/invitation-event-data';
import { SurveyInvitations } from '../surveys/survey-invitations';

export const TIMER_INTERVAL_MS = Symbol('TIMER_INTERVAL_MS');
const BATCH = 50;

/**
 * The durable timers: scheduled (mid-term) surveys, reminders and expiries. Each is a row in the
 * schema claimed with `FOR UPDATE SKIP LOCKED` in its own transaction, so two instances fire each
 * once and a crash mid-batch loses nothing. Time comes from the injected clock; tests call
 * `runDueTimers()` after moving it.
 */
@Injectable()
export class SurveyTimers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SurveyTimers.name);
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: SurveyInvitations,
    private readonly outcomes: OutcomeRecorder,
    private readonly people: PeopleDirectory,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TIMER_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.interval = setInterval(() => {
      if (this.running) return;
      this.running = this.runDueTimers()
        .catch((error) => this.logger.error(`survey timers failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.interval.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.interval);
    await this.running;
  }

  /** Fires everything due now; returns how many timers fired of each sort. */
  async runDueTimers(): Promise<{ scheduled: number; reminded: number; expired: number }> {
    return {
      scheduled: await this.drain(() => this.sendScheduledSurveys()),
      reminded: await this.drain(() => this.remind()),
      expired: await this.drain(() => this.expire()),
    };
  }

  private async drain(batch: () => Promise<number>): Promise<number> {
    let total = 0;
    for (let fired = await batch(); fired > 0; fired = await batch()) total += fired;
    return total;
  }

  private sendScheduledSurveys(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: { id: string; kind: string; match_id: string; cohort_id: string }[] = await manager.query(
        `SELECT id, kind, match_id, cohort_id FROM scheduled_surveys WHERE status = 'pending' AND due_at <= $1
         ORDER BY due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [this.clock()],
      );
      for (const timer of due) {
        const [pair] = await manager.query(`SELECT mentee_key, mentor_key, status FROM mentorships WHERE match_id = $1`, [timer.match_id]);
        const live = pair && pair.status !== 'ended';
        if (live) {
          for (const [personKey, role] of [
            [pair.mentee_key, 'mentee'],
            [pair.mentor_key, 'mentor'],
          ] as [string, PersonRole][]) {
            await this.invitations.invite(manager, { kind: timer.kind as SurveyKind, personKey, role, cohortId: timer.cohort_id, matchId: timer.match_id });
          }
        }
        await manager.query(`UPDATE scheduled_surveys SET status = $2 WHERE id = $1`, [timer.id, live ? 'sent' : 'cancelled']);
      }
      return due.length;
    });
  }

  private remind(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock();
      const due = await this.claim(manager, `status = 'sent' AND reminded_at IS NULL AND remind_at <= $1 AND expires_at > $1`, now);
      for (const invitation of due) await this.invitations.remind(manager, invitation);
      return due.length;
    });
  }

  /** An unanswered follow-up becomes a "no answer" outcome, so the follow-up is accounted for. */
  private expire(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock();
      const due = await this.claim(manager, `status = 'sent' AND expires_at <= $1`, now);
      for (const invitation of due) {
        await manager.update(InvitationEntity, invitation.id, { status: 'expired', closedAt: now });
        const personId = await this.people.personIdOf(manager, invitation.personKey);
        if (personId) {
          await this.outbox.add(manager, {
            contract: SurveyExpired,
            key: invitation.id,
            data: { ...invitationEventData(invitation, personId), expiredAt: now.toISOString() },
          });
        }
        const months = followUpMonthsOf(invitation.kind as SurveyKind);
        if (months !== null && invitation.role === 'mentee') {
          await this.outcomes.record(manager, {
            status: 'no-answer',
            hours: null,
            terms: null,
            sector: null,
            occupation: null,
            throughMentorNetwork: null,
            startedOn: null,
            personKey: invitation.personKey,
            cohortId: invitation.cohortId,
            reportedOn: copenhagenDateOf(now),
            source: 'survey',
            sourceNote: null,
            followUpMonths: months,
            invitationId: invitation.id,
            recordedBy: 'system',
          });
        }
      }
      return due.length;
    });
  }

  private async claim(manager: EntityManager, condition: string, now: Date): Promise<InvitationEntity[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM invitations WHERE ${condition} ORDER BY expires_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`, [now]);
    if (rows.length === 0) return [];
    return manager.findBy(InvitationEntity, { id: In(rows.map((row) => row.id)) });
  }
}
