import { ConfigurationError, loadConfig } from '@cmp/platform';
import { NotificationsConfig } from './notifications.config';

const base = { DATABASE_URL: 'postgresql://notifications@127.0.0.1:5432/cmp' };

describe('notifications config', () => {
  it('has safe defaults: port 3004, local SMTP, no http or private webhook URLs', () => {
    const config = loadConfig(NotificationsConfig, base);
    expect(config).toMatchObject({ PORT: 3004, SMTP_HOST: '127.0.0.1', SMTP_PORT: 2525, WEBHOOK_ALLOW_HTTP: false, WEBHOOK_ALLOW_PRIVATE_ADDRESSES: false });
  });

  it('reads flags as words', () => {
    const config = loadConfig(NotificationsConfig, { ...base, WEBHOOK_ALLOW_HTTP: 'true', SMTP_SECURE: 'false', SMTP_PORT: '1025' });
    expect(config).toMatchObject({ WEBHOOK_ALLOW_HTTP: true, SMTP_SECURE: false, SMTP_PORT: 1025 });
  });

  it('refuses to start on a bad value and names it', () => {
    expect(() => loadConfig(NotificationsConfig, { ...base, SMTP_PORT: '99999', WEBHOOK_ALLOW_HTTP: 'maybe' })).toThrow(ConfigurationError);
    expect(() => loadConfig(NotificationsConfig, { ...base, SMTP_PORT: '99999' })).toThrow(/SMTP_PORT/);
  });

  it('requires TLS for mail in production, by default and without a way to turn it off', () => {
    const production = { ...base, NODE_ENV: 'production', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'cmp-notifications', KAFKA_SASL_PASSWORD: 'a-password-of-the-service' };
    expect(loadConfig(NotificationsConfig, production).smtpRequiresTls()).toBe(true);
    expect(loadConfig(NotificationsConfig, { ...production, SMTP_REQUIRE_TLS: 'true' }).smtpRequiresTls()).toBe(true);
    expect(() => loadConfig(NotificationsConfig, { ...production, SMTP_REQUIRE_TLS: 'false' })).toThrow(/SMTP_REQUIRE_TLS cannot be false when NODE_ENV is production/);
  });

  it('leaves TLS for mail off outside production unless asked for', () => {
    expect(loadConfig(NotificationsConfig, base).smtpRequiresTls()).toBe(false);
    expect(loadConfig(NotificationsConfig, { ...base, NODE_ENV: 'test', SMTP_REQUIRE_TLS: 'yes' }).smtpRequiresTls()).toBe(true);
    expect(() => loadConfig(NotificationsConfig, { ...base, SMTP_REQUIRE_TLS: 'sometimes' })).toThrow(/SMTP_REQUIRE_TLS/);
  });
});
