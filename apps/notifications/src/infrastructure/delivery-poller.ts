import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MessageDispatcher } from '../application/messages/message-dispatcher';
import { WebhookDispatcher } from '../application/webhooks/webhook-dispatcher';

export const POLL_INTERVAL_MS = Symbol('POLL_INTERVAL_MS');

/** One channel's loop: rounds never overlap, and stopping waits for the round in flight. */
class DeliveryLoop {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly runDue: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setTimeout(() => {
      this.round = this.runDue()
        .then(() => undefined)
        .catch((error: Error) => this.logger.error(`${this.name} round failed: ${error.message}`))
        .finally(() => {
          if (!this.stopped) this.start();
        });
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
  }
}

/**
 * Production's heartbeat: mail and inbox messages in one loop, partner webhooks in another, so a
 * slow partner endpoint can hold up only its own channel, never a sign-in link or a reminder.
 * An interval of 0 turns both off (tests call the dispatchers' `runDue…()` themselves after
 * moving the clock).
 */
@Injectable()
export class DeliveryPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryPoller.name);
  private readonly loops: DeliveryLoop[];

  constructor(
    private readonly messages: MessageDispatcher,
    private readonly webhooks: WebhookDispatcher,
    @Inject(POLL_INTERVAL_MS) private readonly intervalMs: number,
  ) {
    this.loops = [
      new DeliveryLoop('message', () => this.messages.runDueMessages(), intervalMs, this.logger),
      new DeliveryLoop('webhook', () => this.webhooks.runDueWebhooks(), intervalMs, this.logger),
    ];
  }

  onApplicationBootstrap(): void {
    if (this.intervalMs > 0) for (const loop of this.loops) loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }

}
