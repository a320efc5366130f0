import { readSsrfList } from '../testing/ssrf-lists.testing';
import { classifyAddress, isForbiddenAddress } from './address.policy';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['192.0.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    // Tunnels and embeddings take the class of the IPv4 inside, or are refused outright.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::808:808', 'public'],
    ['::7f00:1', 'reserved'],
    ['2002:7f00:1::', 'reserved'],
    ['2001::1', 'reserved'],
    // Every IPv4 spelling ipaddr.js reads.
    ['2130706433', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['127.1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['not an address', 'invalid'],
    ['', 'invalid'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe('isForbiddenAddress', () => {
  it('refuses everything but public addresses by default', () => {
    expect(isForbiddenAddress('93.184.215.14')).toBe(false);
    for (const address of ['127.0.0.1', '10.0.0.1', '100.64.0.1', '169.254.169.254', 'fc00::1', '::', 'garbage']) {
      expect(isForbiddenAddress(address)).toBe(true);
    }
  });

  it('opens loopback only when allowed, and only on listed ports when ports are given', () => {
    expect(isForbiddenAddress('127.0.0.1', { allowLoopback: true })).toBe(false);
    expect(isForbiddenAddress('::1', { allowLoopback: true })).toBe(false);
    expect(isForbiddenAddress('127.0.0.1', { allowLoopback: true, loopbackPorts: [8080], port: 8080 })).toBe(false);
    expect(isForbiddenAddress('127.0.0.1', { allowLoopback: true, loopbackPorts: [8080], port: 6379 })).toBe(true);
    expect(isForbiddenAddress('127.0.0.1', { allowLoopback: true, loopbackPorts: [8080] })).toBe(true);
    // "This host" is never reachable, even for development.
    expect(isForbiddenAddress('0.0.0.0', { allowLoopback: true })).toBe(true);
  });

  it('opens private ranges with allowPrivate but never link-local or metadata', () => {
    const options = { allowPrivate: true };
    expect(isForbiddenAddress('10.0.0.1', options)).toBe(false);
    expect(isForbiddenAddress('fd12:3456::1', options)).toBe(false);
    expect(isForbiddenAddress('100.64.0.1', options)).toBe(false);
    expect(isForbiddenAddress('127.0.0.1', options)).toBe(true);
    expect(isForbiddenAddress('169.254.169.254', options)).toBe(true);
    expect(isForbiddenAddress('100.100.100.200', options)).toBe(true);
    expect(isForbiddenAddress('fd00:ec2::254', options)).toBe(true);
    expect(isForbiddenAddress('fe80::1', options)).toBe(true);
  });

  it('refuses every literal address host in the shared private SSRF list', () => {
    const literals = readSsrfList('private')
      .map((line) => new URL(line).hostname)
      .filter((host) => /^[\d.]+$/.test(host) || host.startsWith('['));
    expect(literals.length).toBeGreaterThanOrEqual(20);
    for (const host of literals) {
      expect({ host, forbidden: isForbiddenAddress(host) }).toEqual({ host, forbidden: true });
      expect({ host, forbidden: isForbiddenAddress(host, { allowPrivate: true, allowLoopback: true }) }).toEqual({
        host,
        forbidden: !['10.', '172.', '192.168.', '100.64.', '[fc00'].some((prefix) => host.startsWith(prefix)),
      });
    }
  });
});
