import 'reflect-metadata';
import { connectEventConsumer, kafkaSaslOf } from '@cmp/messaging';
import { createServiceApp, loadConfig, setupOpenApi, startServiceApp, serviceClock } from '@cmp/platform';
import { NotificationsConfig } from './notifications.config';
import { NotificationsModule } from './notifications.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(NotificationsConfig);
  const app = await createServiceApp(
    NotificationsModule.forRoot({
      databaseUrl: config.DATABASE_URL,
      brokers: config.KAFKA_BROKERS,
      sasl: kafkaSaslOf(config),
      clock: serviceClock(config),
      smtp: {
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        requireTls: config.smtpRequiresTls(),
        user: config.SMTP_USER,
        password: config.SMTP_PASSWORD,
        rejectUnauthorized: config.SMTP_TLS_VERIFY,
      },
      mailFrom: { name: config.MAIL_FROM_NAME, email: config.MAIL_FROM_ADDRESS },
      webhookUrlPolicy: { allowHttp: config.WEBHOOK_ALLOW_HTTP, allowPrivateAddresses: config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES },
      webhookDisableAfterFailures: config.WEBHOOK_DISABLE_AFTER_FAILURES,
      webhookTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
      mailDeadlineMs: config.MAIL_SEND_DEADLINE_MS,
      pollIntervalMs: config.DELIVERY_POLL_INTERVAL_MS,
      retention: { messageRetentionDays: config.MESSAGE_RETENTION_DAYS, webhookLogRetentionDays: config.WEBHOOK_LOG_RETENTION_DAYS },
    }),
  );
  setupOpenApi(app, {
    title: 'CMP notifications (internal)',
    description: 'In-app inbox, message preferences and delivery log, and partner webhook subscriptions with their delivery log. Callers are identified by the gateway-signed hop token (x-cmp-hop-token).',
  });
  connectEventConsumer(app);
  await startServiceApp(app, config.PORT, config.HOST);
}

bootstrap().catch((error) => {
  process.stderr.write(`notifications failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
