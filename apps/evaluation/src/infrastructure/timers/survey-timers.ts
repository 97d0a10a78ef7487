import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Transaction, UnitOfWork } from '@cmp/kernel';
import { DurablePollingWorker } from '@cmp/messaging';
import { InvitationCommands } from '../../application/invitations/invitation-commands';
import { InvitationRepository } from '../../application/invitations/invitation.repository';
import { ScheduledSurveyRepository } from '../../application/invitations/scheduled-survey.repository';

export const TIMER_INTERVAL_MS = Symbol('TIMER_INTERVAL_MS');

/** What the timers do with a worker, whatever rows it claims. */
type TimerWorker = Pick<DurablePollingWorker<unknown, string>, 'start' | 'stop' | 'drain'>;

/**
 * The durable timers: scheduled (mid-term) surveys, reminders and expiries, each a row in the
 * schema that the shared polling worker claims with `FOR UPDATE SKIP LOCKED` and handles in the
 * claiming transaction, so two instances fire each once and a crash mid-batch loses nothing. Time
 * comes from the unit of work's clock; tests call `runDueTimers()` after moving it.
 */
@Injectable()
export class SurveyTimers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly scheduled: TimerWorker;
  private readonly reminders: TimerWorker;
  private readonly expiries: TimerWorker;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    scheduledSurveys: ScheduledSurveyRepository,
    invitations: InvitationRepository,
    commands: InvitationCommands,
    @Inject(TIMER_INTERVAL_MS) private readonly intervalMs: number,
  ) {
    this.scheduled = this.worker(
      'evaluation-scheduled-surveys',
      (tx, limit) => scheduledSurveys.claimDue(tx, tx.now, limit),
      (survey, tx) => commands.sendScheduled(tx, survey),
    );
    this.reminders = this.worker(
      'evaluation-survey-reminders',
      (tx, limit) => invitations.claimDueReminders(tx, tx.now, limit),
      async (invitation, tx) => (await commands.remind(tx, invitation), 'reminded'),
    );
    this.expiries = this.worker(
      'evaluation-survey-expiries',
      (tx, limit) => invitations.claimExpired(tx, tx.now, limit),
      async (invitation, tx) => (await commands.expire(tx, invitation), 'expired'),
    );
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

  /** A worker that handles each claimed row in the claiming transaction, recorded as `system`. */
  private worker<Item>(
    name: string,
    claim: (tx: Transaction, limit: number) => Promise<Item[]>,
    handle: (item: Item, tx: Transaction) => Promise<string>,
  ): TimerWorker {
    return new DurablePollingWorker<Item, string>({
      name,
      actor: 'system',
      unitOfWork: this.unitOfWork,
      intervalMs: this.intervalMs,
      claim,
      processing: { mode: 'in-claim-transaction', handle },
    });
  }

  private workers(): TimerWorker[] {
    return [this.scheduled, this.reminders, this.expiries];
  }
}
