import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KafkaSasl, ServiceInfrastructureModule } from '@cmp/messaging';
import { Clock } from '@cmp/platform';
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
import { PartnerPseudonyms1764310000000 } from './infrastructure/migrations/1764310000000-partner-pseudonyms';
import { notificationsRetentionPolicies, NotificationsRetention } from './infrastructure/retention-policies';
import { HttpWebhookTransport } from './infrastructure/transports/http-webhook.transport';
import { SmtpMailTransport, SmtpSettings } from './infrastructure/transports/smtp-mail.transport';

export const NOTIFICATIONS_SERVICE = 'notifications';

const CLAIM_MARGIN_MS = 30_000;

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
  readonly webhookUrlPolicy?: WebhookUrlPolicy;
  readonly webhookDisableAfterFailures?: number;
  /** The longest one webhook attempt may take, from connecting to the last byte read. */
  readonly webhookTimeoutMs?: number;
  /** The longest one mail may take to hand to the SMTP server. */
  readonly mailDeadlineMs?: number;
  /** 0 turns the background poller off (tests drive `runDue…()` themselves). */
  readonly pollIntervalMs: number;
  readonly retention?: NotificationsRetention;
}

@Module({})
export class NotificationsModule {
  static forRoot(settings: NotificationsModuleSettings): DynamicModule {
    const schema = settings.schema ?? NOTIFICATIONS_SERVICE;
    const webhookDeadlineMs = settings.webhookTimeoutMs ?? 10_000;
    const mailDeadlineMs = settings.mailDeadlineMs ?? 30_000;
    const notificationSettings: NotificationSettings = {
      mailFrom: settings.mailFrom,
      webhookUrlPolicy: settings.webhookUrlPolicy ?? STRICT_WEBHOOK_URL_POLICY,
      webhookDisableAfterFailures: settings.webhookDisableAfterFailures ?? 15,
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
      controllers: [InboxController, DeliveryLogController, PartnerWebhooksController, ContactsConsumer, EnrolmentEventsConsumer, ProgrammeEventsConsumer],
      providers: [
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
