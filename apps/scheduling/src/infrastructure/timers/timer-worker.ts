import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@cmp/kernel';
import { DurablePollingWorker } from '@cmp/messaging';
import { TimerHandlers } from '../../application/timers/timer-handlers';
import { ClaimedTimer, TypeOrmTimerRepository } from '../repositories/typeorm-timer.repository';
import { SYSTEM_ACTOR } from '../transactions/open-transaction';

export const TIMER_WORKER_SETTINGS = Symbol('TIMER_WORKER_SETTINGS');

export interface TimerWorkerSettings {
  /** Background poll interval; 0 turns the background poll off (tests call `runDueTimers`). */
  readonly pollIntervalMs: number;
  /** Timers fired per poll at most, so one poll cannot run forever. */
  readonly batchSize?: number;
}

/** A timer that keeps failing is retried with a growing delay, then parked as `failed`. */
const MAX_ATTEMPTS = 10;
const RETRY_DELAY_MS = 60_000;

/**
 * Fires due timers on the shared durable polling worker: due rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, and each timer is handled and marked fired in the claiming
 * transaction (in its own savepoint), so two instances never fire the same row and a crash before
 * the commit leaves it pending for whichever instance polls next. A failing timer is rolled back
 * to its savepoint and its failure recorded while its row is still locked.
 */
@Injectable()
export class TimerWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly worker: DurablePollingWorker<ClaimedTimer, 'fired' | 'failed'>;

  constructor(unitOfWork: UnitOfWork, store: TypeOrmTimerRepository, handlers: TimerHandlers, @Inject(TIMER_WORKER_SETTINGS) settings: TimerWorkerSettings) {
    this.worker = new DurablePollingWorker({
      name: 'scheduling-timers',
      unitOfWork,
      // What timers do is recorded as the system's, as session history has always named it.
      actor: SYSTEM_ACTOR,
      claim: (tx, limit) => store.claimDue(tx, limit),
      intervalMs: settings.pollIntervalMs,
      // One timer per transaction, as before: a handler locks its plan after the claim locked the
      // timer row, and ending a programme cancels the plan's other timers, so two instances each
      // holding a batch of one plan's timers could deadlock.
      batchSize: 1,
      maxItemsPerDrain: settings.batchSize ?? 500,
      processing: {
        mode: 'in-claim-transaction',
        handle: async (timer, tx) => {
          await handlers.fire(tx, timer);
          await store.markFired(tx, timer.id, this.instance);
          return 'fired';
        },
        onFailure: async (timer, failure, tx) => {
          const attempts = timer.attempts + 1;
          await store.recordFailure(tx, timer.id, {
            attempts,
            lastError: failure.message,
            retryAt: attempts >= MAX_ATTEMPTS ? null : new Date(tx.now.getTime() + RETRY_DELAY_MS * attempts),
          });
          return 'failed';
        },
      },
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.worker.stop();
  }

  /** Fires every timer due by the clock's now; returns how many fired. */
  async runDueTimers(): Promise<number> {
    return (await this.worker.drain()).outcomes.fired ?? 0;
  }
}
