import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PollingLoop } from '@cmp/messaging';
import { MessageDispatcher } from '../application/messages/message-dispatcher';
import { WebhookDispatcher } from '../application/webhooks/webhook-dispatcher';

export const POLL_INTERVAL_MS = Symbol('POLL_INTERVAL_MS');

/**
 * Production's heartbeat: mail and inbox messages on one loop, partner webhooks on another, so a
 * slow partner endpoint can hold up only its own channel, never a sign-in link or a reminder.
 * Both run on the shared polling loop (rounds never overlap, failures back off and are counted,
 * stopping waits for the round in flight). An interval of 0 turns both off (tests call the
 * dispatchers' `runDue…()` themselves after moving the clock).
 */
@Injectable()
export class DeliveryPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loops: Pick<PollingLoop<unknown>, 'start' | 'stop'>[];

  constructor(messages: MessageDispatcher, webhooks: WebhookDispatcher, @Inject(POLL_INTERVAL_MS) intervalMs: number) {
    this.loops = [
      new PollingLoop({ name: 'notifications-messages', intervalMs, drain: () => messages.runDueMessages() }),
      new PollingLoop({ name: 'notifications-webhooks', intervalMs, drain: () => webhooks.runDueWebhooks() }),
    ];
  }

  onApplicationBootstrap(): void {
    for (const loop of this.loops) loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }
}
