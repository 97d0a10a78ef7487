import { isAllowedAddress, refusalOfWebhookUrl, STRICT_WEBHOOK_URL_POLICY } from './webhook-url-policy';

describe('webhook URL policy', () => {
  it('accepts a public https URL', () => {
    expect(refusalOfWebhookUrl('https://hooks.partner.example.com/cmp?x=1', STRICT_WEBHOOK_URL_POLICY)).toBeNull();
    expect(refusalOfWebhookUrl('https://93.184.216.34/hook', STRICT_WEBHOOK_URL_POLICY)).toBeNull();
  });

  it.each([
    ['http://hooks.partner.example.com/cmp', 'https'],
    ['https://user:secret@hooks.partner.example.com/', 'credentials'],
    ['https://127.0.0.1/hook', 'private or loopback'],
    ['https://10.1.2.3/hook', 'private or loopback'],
    ['https://192.168.0.10/hook', 'private or loopback'],
    ['https://169.254.169.254/latest/meta-data', 'private or loopback'],
    ['https://[::1]/hook', 'private or loopback'],
    ['https://[::ffff:127.0.0.1]/hook', 'private or loopback'],
    ['https://[fd00::1]/hook', 'private or loopback'],
    ['https://localhost/hook', 'local host name'],
    ['https://intranet/hook', 'local host name'],
    ['ftp://hooks.partner.example.com/', 'https'],
    ['not a url', 'valid URL'],
  ])('refuses %s', (url, why) => {
    expect(refusalOfWebhookUrl(url, STRICT_WEBHOOK_URL_POLICY)).toContain(why);
  });

  it('lets configuration allow http and loopback for tests', () => {
    expect(refusalOfWebhookUrl('http://127.0.0.1:8080/hook', { allowHttp: true, allowPrivateAddresses: true })).toBeNull();
    expect(refusalOfWebhookUrl('http://user:pw@127.0.0.1:8080/hook', { allowHttp: true, allowPrivateAddresses: true })).toContain('credentials');
  });

  it('checks resolved addresses too', () => {
    expect(isAllowedAddress('93.184.216.34', STRICT_WEBHOOK_URL_POLICY)).toBe(true);
    expect(isAllowedAddress('127.0.0.53', STRICT_WEBHOOK_URL_POLICY)).toBe(false);
    expect(isAllowedAddress('::ffff:10.0.0.1', STRICT_WEBHOOK_URL_POLICY)).toBe(false);
    expect(isAllowedAddress('172.16.5.4', STRICT_WEBHOOK_URL_POLICY)).toBe(false);
  });
});
