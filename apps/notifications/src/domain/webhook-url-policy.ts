import ipaddr from 'ipaddr.js';

export interface WebhookUrlPolicy {
  /** Plain http (tests and local development only). */
  readonly allowHttp: boolean;
  /** Loopback, private, link-local and other non-public addresses (tests and local development only). */
  readonly allowPrivateAddresses: boolean;
}

export const STRICT_WEBHOOK_URL_POLICY: WebhookUrlPolicy = { allowHttp: false, allowPrivateAddresses: false };

/**
 * Why a webhook URL is refused, or null when it may be used. Host names are checked again
 * when they resolve (see {@link isAllowedAddress}), because a public name can point inward.
 */
export function refusalOfWebhookUrl(raw: string, policy: WebhookUrlPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) return 'the URL must use https';
  if (url.username !== '' || url.password !== '') return 'the URL must not carry credentials';
  if (url.hash !== '') return 'the URL must not have a fragment';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    return isAllowedAddress(host, policy) ? null : 'the URL points at a private or loopback address';
  }
  const lower = host.toLowerCase();
  if (!policy.allowPrivateAddresses && (lower === 'localhost' || lower.endsWith('.localhost') || lower.endsWith('.local') || lower.endsWith('.internal') || !lower.includes('.'))) {
    return 'the URL points at a local host name';
  }
  return null;
}

/** Only public unicast addresses, unless the policy allows private ones. */
export function isAllowedAddress(address: string, policy: WebhookUrlPolicy): boolean {
  if (policy.allowPrivateAddresses) return true;
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}
