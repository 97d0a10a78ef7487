import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { DurablePollingWorker } from '@cmp/messaging';
import { InvitationCommands } from '../../application/invitations/invitation-commands';
import { Invitation, InvitationRepository } from '../../application/invitations/invitation.repository';
import { DueSurvey, ScheduledSurveyRepository } from '../../application/invitations/scheduled-survey.repository';

export const TIMER_INTERVAL_MS = Symbol('TIMER_INTERVAL_MS');

/**
 * The durable timers: scheduled (mid-term) surveys, reminders and expiries, each a row in the
 * schema that the shared polling worker claims with `FOR UPDATE SKIP LOCKED` and handles in the
 * claiming transaction, so two instances fire each once and a crash mid-batch loses nothing. Time
 * comes from the unit of work's clock; tests call `runDueTimers()` after moving it.
 */
@Injectable()
export class SurveyTimers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly scheduled: DurablePollingWorker<DueSurvey, 'sent' | 'cancelled'>;
  private readonly reminders: DurablePollingWorker<Invitation, 'reminded'>;
  private readonly expiries: DurablePollingWorker<Invitation, 'expired'>;

  constructor(
    unitOfWork: UnitOfWork,
    scheduledSurveys: ScheduledSurveyRepository,
    invitations: InvitationRepository,
    commands: InvitationCommands,
    @Inject(TIMER_INTERVAL_MS) intervalMs: number,
  ) {
    this.scheduled = new DurablePollingWorker({
      name: 'evaluation-scheduled-surveys',
      actor: 'system',
      unitOfWork,
      intervalMs,
      claim: (tx, limit) => scheduledSurveys.claimDue(tx, tx.now, limit),
      processing: { mode: 'in-claim-transaction', handle: (survey, tx) => commands.sendScheduled(tx, survey) },
    });
    this.reminders = new DurablePollingWorker({
      name: 'evaluation-survey-reminders',
      actor: 'system',
      unitOfWork,
      intervalMs,
      claim: (tx, limit) => invitations.claimDueReminders(tx, tx.now, limit),
      processing: { mode: 'in-claim-transaction', handle: async (invitation, tx) => (await commands.remind(tx, invitation), 'reminded') },
    });
    this.expiries = new DurablePollingWorker({
      name: 'evaluation-survey-expiries',
      actor: 'system',
      unitOfWork,
      intervalMs,
      claim: (tx, limit) => invitations.claimExpired(tx, tx.now, limit),
      processing: { mode: 'in-claim-transaction', handle: async (invitation, tx) => (await commands.expire(tx, invitation), 'expired') },
    });
  }

  onApplicationBootstrap(): void {
    for (const worker of this.workers()) worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers().map((worker) => worker.stop()));
  }

  /** Fires everything due now, in the order the loop always has; returns how many of each fired. */
  async runDueTimers(): Promise<{ scheduled: number; reminded: number; expired: number }> {
    return {
      scheduled: (await this.scheduled.drain()).claimed,
      reminded: (await this.reminders.drain()).claimed,
      expired: (await this.expiries.drain()).claimed,
    };
  }

  private workers(): DurablePollingWorker<unknown, string>[] {
    return [this.scheduled, this.reminders, this.expiries] as DurablePollingWorker<unknown, string>[];
  }
}
