import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@cmp/kernel';
import { KafkaSasl, Outbox, ServiceInfrastructureModule, TypeOrmUnitOfWork } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { ContactDirectoryRepository } from './application/contacts/contact-directory.repository';
import { PreferenceRepository } from './application/contacts/preference.repository';
import { ContactDirectory } from './application/contacts/contact-directory';
import { Preferences } from './application/contacts/preferences';
import { EventIntake } from './application/event-intake';
import { DeliveryLog } from './application/messages/delivery-log';
import { Inbox } from './application/messages/inbox';
import { MAIL_TRANSPORT, MailTransport } from './application/messages/mail-transport';
import { MessageRepository } from './application/messages/message.repository';
import { MessageDispatcher } from './application/messages/message-dispatcher';
import { MessagePlanner } from './application/messages/message-planner';
import { NOTIFICATION_SETTINGS, NotificationSettings } from './application/notification-settings';
import { OutgoingEvents } from './application/outgoing-events';
import { TemplateRenderer } from './application/templates/template-renderer';
import { PartnerUpdateRouter } from './application/webhooks/partner-update-router';
import { ReferredParticipantRepository } from './application/webhooks/referred-participant.repository';
import { WebhookDeliveryRepository } from './application/webhooks/webhook-delivery.repository';
import { WebhookDispatcher } from './application/webhooks/webhook-dispatcher';
import { WebhookSubscriptionRepository } from './application/webhooks/webhook-subscription.repository';
import { WebhookSubscriptions } from './application/webhooks/webhook-subscriptions';
import { WEBHOOK_TRANSPORT, WebhookTransport } from './application/webhooks/webhook-transport';
import type { WebhookUrlPolicy } from './domain/webhook-url-policy';
import { DeliveryLogController } from './http/delivery-log.controller';
import { InboxController } from './http/inbox.controller';
import { PartnerWebhooksController } from './http/partner-webhooks.controller';
import { PreferencesController } from './http/preferences.controller';
import { DirectoryEventsConsumer } from './infrastructure/consumers/directory-events.consumer';
import { IntakeEventsConsumer } from './infrastructure/consumers/intake-events.consumer';
import { DeliveryPoller, POLL_INTERVAL_MS } from './infrastructure/delivery-poller';
import { MessageEntity } from './infrastructure/entities/message.entity';
import { PreferenceEntity } from './infrastructure/entities/preference.entity';
import { CreateNotificationsTables1764180000000 } from './infrastructure/migrations/1764180000000-create-notifications-tables';
import { PartnerPseudonyms1764310000000 } from './infrastructure/migrations/1764310000000-partner-pseudonyms';
import { OutboxOutgoingEvents } from './infrastructure/outbox-outgoing-events';
import { TypeOrmContactDirectoryRepository } from './infrastructure/repositories/typeorm-contact-directory.repository';
import { TypeOrmMessageRepository } from './infrastructure/repositories/typeorm-message.repository';
import { TypeOrmPreferenceRepository } from './infrastructure/repositories/typeorm-preference.repository';
import { TypeOrmReferredParticipantRepository } from './infrastructure/repositories/typeorm-referred-participant.repository';
import { TypeOrmWebhookDeliveryRepository } from './infrastructure/repositories/typeorm-webhook-delivery.repository';
import { TypeOrmWebhookSubscriptionRepository } from './infrastructure/repositories/typeorm-webhook-subscription.repository';
import { notificationsRetentionPolicies, NotificationsRetention } from './infrastructure/retention-policies';
import { HttpWebhookTransport } from './infrastructure/transports/http-webhook.transport';
import { SmtpMailTransport, SmtpSettings } from './infrastructure/transports/smtp-mail.transport';

export const NOTIFICATIONS_SERVICE = 'notifications';

/** The service's Kafka handlers; what they subscribe to is checked against its declared consumption. */
/**
 * The tables mapped to entities; the contact directory, the partner read model and the webhook
 * tables are written with SQL by their repositories (upserts, `SKIP LOCKED` claims), and the
 * migrations are their definition.
 */
const NOTIFICATIONS_ENTITIES = [PreferenceEntity, MessageEntity];

export const NOTIFICATIONS_CONSUMERS = [IntakeEventsConsumer, DirectoryEventsConsumer];

const CLAIM_MARGIN_MS = 30_000;

/** Every value comes from NotificationsConfig (or a test's choice): its defaults live there only. */
export interface NotificationsModuleSettings {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  /** The service's own Kafka principal. */
  readonly sasl?: KafkaSasl;
  /** Defaults to the service name; tests use a scratch schema. */
  readonly schema?: string;
  readonly clock?: Clock;
  readonly smtp: Omit<SmtpSettings, 'from'>;
  readonly mailFrom: { readonly name: string; readonly email: string };
  readonly webhookUrlPolicy: WebhookUrlPolicy;
  readonly webhookDisableAfterFailures: number;
  /** The longest one webhook attempt may take, from connecting to the last byte read. */
  readonly webhookTimeoutMs: number;
  /** The longest one mail may take to hand to the SMTP server. */
  readonly mailDeadlineMs: number;
  /** 0 turns the background poller off (tests drive `runDue…()` themselves). */
  readonly pollIntervalMs: number;
  readonly retention?: NotificationsRetention;
}

@Module({})
export class NotificationsModule {
  static forRoot(settings: NotificationsModuleSettings): DynamicModule {
    const schema = settings.schema ?? NOTIFICATIONS_SERVICE;
    const webhookDeadlineMs = settings.webhookTimeoutMs;
    const mailDeadlineMs = settings.mailDeadlineMs;
    const notificationSettings: NotificationSettings = {
      mailFrom: settings.mailFrom,
      webhookUrlPolicy: settings.webhookUrlPolicy,
      webhookDisableAfterFailures: settings.webhookDisableAfterFailures,
      // A claim outlives its attempt's deadline by a margin for the database round trips.
      webhookLeaseMs: webhookDeadlineMs + CLAIM_MARGIN_MS,
      mailLeaseMs: mailDeadlineMs + CLAIM_MARGIN_MS,
    };
    return {
      module: NotificationsModule,
      imports: [
        ServiceInfrastructureModule.forService({
          service: NOTIFICATIONS_SERVICE,
          schema,
          databaseUrl: settings.databaseUrl,
          brokers: settings.brokers,
          sasl: settings.sasl,
          entities: NOTIFICATIONS_ENTITIES,
          migrations: [CreateNotificationsTables1764180000000, PartnerPseudonyms1764310000000],
          clock: settings.clock,
          retentionPolicies: notificationsRetentionPolicies(settings.retention),
        }),
        TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES),
      ],
      controllers: [InboxController, PreferencesController, DeliveryLogController, PartnerWebhooksController, ...NOTIFICATIONS_CONSUMERS],
      providers: [
        {
          provide: TypeOrmUnitOfWork,
          useFactory: (dataSource: DataSource, outbox: Outbox, clock: Clock) => new TypeOrmUnitOfWork(dataSource, outbox, clock),
          inject: [DataSource, Outbox, CLOCK],
        },
        { provide: UnitOfWork, useExisting: TypeOrmUnitOfWork },
        { provide: MessageRepository, useClass: TypeOrmMessageRepository },
        { provide: PreferenceRepository, useClass: TypeOrmPreferenceRepository },
        { provide: ContactDirectoryRepository, useClass: TypeOrmContactDirectoryRepository },
        { provide: ReferredParticipantRepository, useClass: TypeOrmReferredParticipantRepository },
        { provide: WebhookSubscriptionRepository, useClass: TypeOrmWebhookSubscriptionRepository },
        { provide: WebhookDeliveryRepository, useClass: TypeOrmWebhookDeliveryRepository },
        { provide: OutgoingEvents, useClass: OutboxOutgoingEvents },
        { provide: NOTIFICATION_SETTINGS, useValue: notificationSettings },
        { provide: MAIL_TRANSPORT, useFactory: (): MailTransport => new SmtpMailTransport({ ...settings.smtp, from: settings.mailFrom }, mailDeadlineMs) },
        {
          provide: WEBHOOK_TRANSPORT,
          useFactory: (): WebhookTransport => new HttpWebhookTransport(notificationSettings.webhookUrlPolicy, webhookDeadlineMs),
        },
        { provide: POLL_INTERVAL_MS, useValue: settings.pollIntervalMs },
        TemplateRenderer,
        ContactDirectory,
        Preferences,
        MessagePlanner,
        MessageDispatcher,
        Inbox,
        DeliveryLog,
        PartnerUpdateRouter,
        WebhookDispatcher,
        WebhookSubscriptions,
        EventIntake,
        DeliveryPoller,
      ],
    };
  }
}
