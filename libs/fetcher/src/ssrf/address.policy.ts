import ipaddr from 'ipaddr.js';

/** What kind of network an IP address belongs to, as far as fetching goes. */
export type AddressClass =
  'public' | 'loopback' | 'private' | 'cgnat' | 'link-local' | 'metadata' | 'multicast' | 'unspecified' | 'reserved' | 'invalid';

/** Which non-public destinations a caller has opted into. Everything is refused by default. */
export interface AddressPolicyOptions {
  /** Allow 127.0.0.0/8 and ::1 (development and tests only; `FETCH_ALLOW_LOOPBACK`). */
  allowLoopback?: boolean;
  /** With `allowLoopback`, only these loopback ports are reachable (so a dev setting never opens Redis or PostgreSQL). */
  loopbackPorts?: readonly number[];
  /** Allow RFC 1918, CGNAT and IPv6 unique-local addresses (intranet deployments). Never opens link-local or metadata. */
  allowPrivate?: boolean;
}

// Cloud metadata endpoints that live inside ranges allowPrivate would otherwise open (the rest are link-local anyway).
const METADATA_V4 = new Set(['100.100.100.200', '169.254.169.254', '169.254.170.2', '169.254.169.253', '169.254.169.123']);
const METADATA_V6: [ipaddr.IPv6, number] = ipaddr.IPv6.parseCIDR('fd00:ec2::/32');
const GLOBAL_UNICAST_V6: [ipaddr.IPv6, number] = ipaddr.IPv6.parseCIDR('2000::/3');
const NAT64_WELL_KNOWN: [ipaddr.IPv6, number] = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

/**
 * Classifies an IP address given in any form ipaddr.js accepts (dotted, decimal, octal, hex, IPv6 with or without
 * brackets or zone). Addresses embedding an IPv4 (mapped, NAT64) take the class of the embedded address.
 */
export function classifyAddress(input: string): AddressClass {
  const address = parseAddress(input);
  if (!address) return 'invalid';
  return address.kind() === 'ipv4' ? classifyV4(address as ipaddr.IPv4) : classifyV6(address as ipaddr.IPv6);
}

/**
 * True when a fetch must never connect to this address under the given options.
 * Unparseable input counts as forbidden: the guard fails closed.
 */
export function isForbiddenAddress(ip: string, options: AddressPolicyOptions & { port?: number } = {}): boolean {
  return !isAllowedClass(classifyAddress(ip), options);
}

/** Shared by the address and host-name checks: may a destination of this class be reached? */
export function isAllowedClass(kind: AddressClass, options: AddressPolicyOptions & { port?: number }): boolean {
  switch (kind) {
    case 'public':
      return true;
    case 'loopback':
      return options.allowLoopback === true && isLoopbackPortAllowed(options);
    case 'private':
    case 'cgnat':
      return options.allowPrivate === true;
    case 'link-local':
    case 'metadata':
    case 'multicast':
    case 'unspecified':
    case 'reserved':
    case 'invalid':
      return false;
  }
}

function isLoopbackPortAllowed(options: AddressPolicyOptions & { port?: number }): boolean {
  if (!options.loopbackPorts) return true;
  return options.port !== undefined && options.loopbackPorts.includes(options.port);
}

function parseAddress(input: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  let text = input.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (!ipaddr.isValid(text)) return undefined;
  try {
    return ipaddr.parse(text);
  } catch {
    return undefined;
  }
}

function classifyV4(address: ipaddr.IPv4): AddressClass {
  if (METADATA_V4.has(address.toString())) return 'metadata';
  switch (address.range()) {
    case 'unicast':
      return 'public';
    case 'loopback':
      return 'loopback';
    case 'private':
      return 'private';
    case 'carrierGradeNat':
      return 'cgnat';
    case 'linkLocal':
      return 'link-local';
    case 'multicast':
      return 'multicast';
    case 'unspecified':
      return 'unspecified';
    case 'broadcast':
    case 'reserved':
    case 'benchmarking':
    case 'amt':
    case 'as112':
      // Documentation, benchmarking, 240/4, AS112, AMT...: nothing a newsroom fetch should reach.
      return 'reserved';
  }
  // A range name newer than ipaddr.js's typings: refuse.
  return 'reserved';
}

function classifyV6(address: ipaddr.IPv6): AddressClass {
  // ipaddr.js's range() type omits some names it returns (discard, segmentRouting...), so compare as strings.
  const range: string = address.range();
  switch (range) {
    case 'loopback':
      return 'loopback';
    case 'unspecified':
      return 'unspecified';
    case 'ipv4Mapped':
    case 'rfc6145':
      return classifyV4(embeddedV4(address));
    case 'rfc6052':
      // Well-known NAT64 reaches the embedded IPv4 through a gateway, so judge that; local-use NAT64 prefixes
      // (64:ff9b:1::/48) embed it at operator-chosen offsets: refuse.
      return address.match(NAT64_WELL_KNOWN) ? classifyV4(embeddedV4(address)) : 'reserved';
    case 'linkLocal':
    case 'deprecatedSiteLocal':
      return 'link-local';
    case 'uniqueLocal':
      return address.match(METADATA_V6) ? 'metadata' : 'private';
    case 'multicast':
      return 'multicast';
    case 'unicast':
      // Outside 2000::/3 "unicast" only means "no special name": e.g. IPv4-compatible ::7f00:1. Refuse those.
      return address.match(GLOBAL_UNICAST_V6) ? 'public' : 'reserved';
    default:
      // 6to4 and Teredo tunnel to arbitrary IPv4s; documentation, discard, ORCHID...: refuse.
      return 'reserved';
  }
}

function embeddedV4(address: ipaddr.IPv6): ipaddr.IPv4 {
  const bytes = address.toByteArray();
  return new ipaddr.IPv4(bytes.slice(12, 16));
}
