import { clientAddressKey } from './client-address';

describe('clientAddressKey', () => {
  it('counts IPv4 per address, whether or not it arrives IPv4-mapped', () => {
    expect(clientAddressKey('10.0.0.7')).toBe('10.0.0.7');
    expect(clientAddressKey('::ffff:10.0.0.7')).toBe('10.0.0.7');
  });

  it('counts IPv6 per /64 block', () => {
    expect(clientAddressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:db8:1:3::1')).not.toBe(clientAddressKey('2001:db8:1:2::1'));
  });

  it('puts missing or malformed addresses under one key', () => {
    expect(clientAddressKey(undefined)).toBe('unknown');
    expect(clientAddressKey('not-an-ip')).toBe('unknown');
  });
});
