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
});
