import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { InvitationCommands } from '../invitations/invitation-commands';
import { InvitationRepository } from '../invitations/invitation.repository';
import { ScheduledSurveyRepository } from '../invitations/scheduled-survey.repository';

export const TIMER_INTERVAL_MS = Symbol('TIMER_INTERVAL_MS');
const BATCH = 50;

/**
 * The durable timers: scheduled (mid-term) surveys, reminders and expiries. Each is a row in the
 * schema claimed with `FOR UPDATE SKIP LOCKED` in its own transaction, so two instances fire each
 * once and a crash mid-batch loses nothing. Time comes from the unit of work's clock; tests call
 * `runDueTimers()` after moving it.
 */
@Injectable()
export class SurveyTimers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SurveyTimers.name);
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly scheduledSurveys: ScheduledSurveyRepository,
    private readonly invitations: InvitationRepository,
    private readonly invitationCommands: InvitationCommands,
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
    return this.unitOfWork.run('system', async (tx) => {
      const due = await this.scheduledSurveys.claimDue(tx, tx.now, BATCH);
      for (const survey of due) await this.invitationCommands.sendScheduled(tx, survey);
      return due.length;
    });
  }

  private remind(): Promise<number> {
    return this.unitOfWork.run('system', async (tx) => {
      const due = await this.invitations.claimDueReminders(tx, tx.now, BATCH);
      for (const invitation of due) await this.invitationCommands.remind(tx, invitation);
      return due.length;
    });
  }

  private expire(): Promise<number> {
    return this.unitOfWork.run('system', async (tx) => {
      const due = await this.invitations.claimExpired(tx, tx.now, BATCH);
      for (const invitation of due) await this.invitationCommands.expire(tx, invitation);
      return due.length;
    });
  }
}
