import ipaddr from 'ipaddr.js';

/**
 * The key a client's address is counted under by rate limits and the per-address lock-out.
 * IPv4 (also when it arrives IPv4-mapped, `::ffff:10.0.0.1`) counts per address; IPv6 counts
 * per /64, the block one subscriber is usually given, so rotating through one's own block does
 * not reset the count. Unparseable input counts together under one key rather than escaping.
 */
export function clientAddressKey(address: string | undefined): string {
  if (!address || !ipaddr.isValid(address)) return 'unknown';
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`);
  return `${network.toString()}/64`;
}
