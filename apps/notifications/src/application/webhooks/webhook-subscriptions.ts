import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type ReadTransaction, UnitOfWork } from '@cmp/kernel';
import { PartnerWebhookEventType } from '@cmp/contracts';
import { Language } from '../../domain/message';
import { NotFoundError, StateConflictError, WebhookUrlRefusedError } from '../../domain/notifications-error';
import { generateWebhookSecret } from '../../domain/webhook-signature';
import { refusalOfWebhookUrl } from '../../domain/webhook-url-policy';
import { ContactDirectoryRepository } from '../contacts/contact-directory.repository';
import { NOTIFICATION_SETTINGS, NotificationSettings } from '../notification-settings';
import { WebhookAttempt, WebhookDelivery, WebhookDeliveryQuery, WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookSubscription, WebhookSubscriptionRepository } from './webhook-subscription.repository';

export interface NewSubscription {
  readonly url: string;
  readonly eventTypes: readonly PartnerWebhookEventType[];
  readonly contactEmail?: string;
  readonly language?: Language;
  readonly description?: string;
}

/** A delivery with the event as sent (the partner's own data) and every attempt at it. */
export interface WebhookDeliveryDetail {
  readonly delivery: WebhookDelivery;
  readonly event: unknown;
  readonly attemptLog: WebhookAttempt[];
}

/** A partner organisation's webhook subscriptions and their delivery log. */
@Injectable()
export class WebhookSubscriptions {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly directory: ContactDirectoryRepository,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  /** The secret is in this answer only: it is needed in the clear to sign, but never shown again. */
  async create(actor: string, organisationId: string, input: NewSubscription): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const refusal = refusalOfWebhookUrl(input.url, this.settings.webhookUrlPolicy);
    if (refusal) throw new WebhookUrlRefusedError(refusal);
    return this.uow.run(actor, async (tx) => {
      if (!(await this.directory.organisationExists(tx, organisationId))) throw new NotFoundError('organisation', organisationId);
      const id = randomUUID();
      const secret = generateWebhookSecret();
      await this.subscriptions.add(tx, {
        id,
        organisationId,
        url: input.url,
        eventTypes: [...new Set(input.eventTypes)],
        secret,
        contactEmail: input.contactEmail ?? null,
        language: input.language ?? 'en',
        description: input.description ?? null,
      });
      return { subscription: await this.found(tx, organisationId, id), secret };
    });
  }

  list(organisationId: string): Promise<WebhookSubscription[]> {
    return this.uow.read((tx) => this.subscriptions.list(tx, organisationId));
  }

  get(organisationId: string, id: string): Promise<WebhookSubscription> {
    return this.uow.read((tx) => this.found(tx, organisationId, id));
  }

  /** Switches a disabled subscription back on; what failed meanwhile can be redelivered from the log. */
  enable(actor: string, organisationId: string, id: string): Promise<WebhookSubscription> {
    return this.uow.run(actor, async (tx) => {
      const current = await this.found(tx, organisationId, id);
      if (current.status === 'active') return current;
      await this.subscriptions.enable(tx, id);
      return this.found(tx, organisationId, id);
    });
  }

  remove(actor: string, organisationId: string, id: string): Promise<void> {
    return this.uow.run(actor, async (tx) => {
      await this.found(tx, organisationId, id);
      await this.subscriptions.remove(tx, id);
    });
  }

  deliveryLog(organisationId: string, query: WebhookDeliveryQuery): Promise<WebhookDelivery[]> {
    return this.uow.read((tx) => this.deliveries.list(tx, organisationId, query));
  }

  delivery(organisationId: string, id: string): Promise<WebhookDeliveryDetail> {
    return this.uow.read((tx) => this.detail(tx, organisationId, id));
  }

  /**
   * Sends the same event again as a new delivery (new delivery id, same CloudEvent id, so the
   * receiver can tell it already has it).
   */
  redeliver(actor: string, organisationId: string, id: string): Promise<WebhookDeliveryDetail> {
    return this.uow.run(actor, async (tx) => {
      const original = await this.detail(tx, organisationId, id);
      const subscription = await this.found(tx, organisationId, original.delivery.subscriptionId);
      if (subscription.status !== 'active') throw new StateConflictError('the subscription is disabled: enable it before redelivering');
      const newId = randomUUID();
      await this.deliveries.addRedelivery(tx, id, newId);
      return this.detail(tx, organisationId, newId);
    });
  }

  private async found(tx: ReadTransaction, organisationId: string, id: string): Promise<WebhookSubscription> {
    const subscription = await this.subscriptions.find(tx, organisationId, id);
    if (!subscription) throw new NotFoundError('webhook subscription', id);
    return subscription;
  }

  private async detail(tx: ReadTransaction, organisationId: string, id: string): Promise<WebhookDeliveryDetail> {
    const found = await this.deliveries.find(tx, organisationId, id);
    if (!found) throw new NotFoundError('webhook delivery', id);
    const { payload, ...delivery } = found;
    return { delivery, event: JSON.parse(payload) as unknown, attemptLog: await this.deliveries.attemptsOf(tx, id) };
  }
}
