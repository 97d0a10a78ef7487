import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BrokerReadinessCheck, CreateMessagingTables1764150000000, MessagingModule } from '@cmp/messaging';
import { openMigratedDataSource, schemaDataSourceOptions } from '@cmp/persistence';
import { Clock, CLOCK, DatabaseReadinessCheck, PlatformModule, systemClock } from '@cmp/platform';
import { ContactDirectory } from './application/contacts/contact-directory';
import { Preferences } from './application/contacts/preferences';
import { EventIntake } from './application/event-intake';
import { DeliveryLog } from './application/messages/delivery-log';
import { Inbox } from './application/messages/inbox';
import { MessageDispatcher } from './application/messages/message-dispatcher';
import { MessagePlanner } from './application/messages/message-planner';
import { MAIL_TRANSPORT, MailTransport, NOTIFICATION_SETTINGS, NotificationSettings, WEBHOOK_TRANSPORT, WebhookTransport } from './application/notifications.ports';
import { TemplateRenderer } from './application/templates/template-renderer';
import { PartnerUpdateRouter } from './application/webhooks/partner-update-router';
import { WebhookDispatcher } from './application/webhooks/webhook-dispatcher';
import { WebhookSubscriptions } from './application/webhooks/webhook-subscriptions';
import { STRICT_WEBHOOK_URL_POLICY, WebhookUrlPolicy } from './domain/webhook-url-policy';
import { DeliveryLogController } from './http/delivery-log.controller';
import { InboxController } from './http/inbox.controller';
import { PartnerWebhooksController } from './http/partner-webhooks.controller';
import { ContactsConsumer } from './infrastructure/consumers/contacts.consumer';
import { EnrolmentEventsConsumer } from './infrastructure/consumers/enrolment-events.consumer';
import { ProgrammeEventsConsumer } from './infrastructure/consumers/programme-events.consumer';
import { DeliveryPoller, POLL_INTERVAL_MS } from './infrastructure/delivery-poller';
import { NOTIFICATIONS_ENTITIES } from './infrastructure/entities/notifications.entities';
import { CreateNotificationsTables1764180000000 } from './infrastructure/migrations/1764180000000-create-notifications-tables';
import { HttpWebhookTransport } from './infrastructure/transports/http-webhook.transport';
import { SmtpMailTransport, SmtpSettings } from './infrastructure/transports/smtp-mail.transport';

export const NOTIFICATIONS_SERVICE = 'notifications';

export interface NotificationsModuleSettings {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  /** Defaults to the service name; tests use a scratch schema. */
  readonly schema?: string;
  readonly clock?: Clock;
  readonly smtp: Omit<SmtpSettings, 'from'>;
  readonly mailFrom: { readonly name: string; readonly email: string };
  readonly webhookUrlPolicy?: WebhookUrlPolicy;
  readonly webhookDisableAfterFailures?: number;
  readonly webhookTimeoutMs?: number;
  /** 0 turns the background poller off (tests drive `runDue…()` themselves). */
  readonly pollIntervalMs: number;
}

@Module({})
export class NotificationsModule {
  static forRoot(settings: NotificationsModuleSettings): DynamicModule {
    const schema = settings.schema ?? NOTIFICATIONS_SERVICE;
    const notificationSettings: NotificationSettings = {
      mailFrom: settings.mailFrom,
      webhookUrlPolicy: settings.webhookUrlPolicy ?? STRICT_WEBHOOK_URL_POLICY,
      webhookDisableAfterFailures: settings.webhookDisableAfterFailures ?? 15,
    };
    return {
      module: NotificationsModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            schemaDataSourceOptions({
              url: settings.databaseUrl,
              schema,
              entities: NOTIFICATIONS_ENTITIES,
              migrations: [CreateMessagingTables1764150000000, CreateNotificationsTables1764180000000],
              applicationName: NOTIFICATIONS_SERVICE,
            }),
          dataSourceFactory: (options) => openMigratedDataSource(options),
        }),
        TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES),
        MessagingModule.forService({ service: NOTIFICATIONS_SERVICE, schema, databaseUrl: settings.databaseUrl, brokers: settings.brokers, clock: settings.clock }),
        PlatformModule.forRoot({ serviceName: NOTIFICATIONS_SERVICE, readinessChecks: [DatabaseReadinessCheck, BrokerReadinessCheck] }),
      ],
      controllers: [InboxController, DeliveryLogController, PartnerWebhooksController, ContactsConsumer, EnrolmentEventsConsumer, ProgrammeEventsConsumer],
      providers: [
        { provide: CLOCK, useValue: settings.clock ?? systemClock },
        { provide: DatabaseReadinessCheck, inject: [DataSource], useFactory: (dataSource: DataSource) => new DatabaseReadinessCheck(dataSource) },
        { provide: NOTIFICATION_SETTINGS, useValue: notificationSettings },
        { provide: MAIL_TRANSPORT, useFactory: (): MailTransport => new SmtpMailTransport({ ...settings.smtp, from: settings.mailFrom }) },
        {
          provide: WEBHOOK_TRANSPORT,
          useFactory: (): WebhookTransport => new HttpWebhookTransport(notificationSettings.webhookUrlPolicy, settings.webhookTimeoutMs ?? 10_000),
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
