import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MessageDispatcher } from '../application/messages/message-dispatcher';
import { WebhookDispatcher } from '../application/webhooks/webhook-dispatcher';

export const POLL_INTERVAL_MS = Symbol('POLL_INTERVAL_MS');

/**
 * Production's heartbeat: every interval it runs the due mail, inbox and webhook rows. Rounds
 * never overlap, and stopping waits for the round in flight. An interval of 0 turns it off
 * (tests call the dispatchers' `runDue…()` themselves after moving the clock).
 */
@Injectable()
export class DeliveryPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryPoller.name);
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly messages: MessageDispatcher,
    private readonly webhooks: WebhookDispatcher,
    @Inject(POLL_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs > 0) this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
  }

  /** One round of everything due; also what the interval runs. */
  async runDue(): Promise<void> {
    await this.messages.runDueMessages();
    await this.webhooks.runDueWebhooks();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.round = this.runDue()
        .catch((error: Error) => this.logger.error(`delivery round failed: ${error.message}`))
        .finally(() => {
          if (!this.stopped) this.schedule();
        });
    }, this.intervalMs);
  }
}
