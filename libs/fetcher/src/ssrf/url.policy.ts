import { isIP } from 'node:net';
import { FetchError, FetchErrorCode } from '../fetch.error';
import { type AddressPolicyOptions, classifyAddress, isAllowedClass } from './address.policy';

/** Options for {@link checkUrlPolicy}: the same opt-ins as the address policy. */
export type UrlPolicyOptions = AddressPolicyOptions;

const MAX_URL_LENGTH = 8192;
const MAX_HOST_LENGTH = 253;

// Names that only mean something inside a network (RFC 6761, RFC 8375, RFC 6762, common intranet habits).
const INTERNAL_SUFFIXES = ['.local', '.internal', '.localdomain', '.home.arpa', '.lan', '.intranet', '.corp', '.home', '.private'];
// Reverse-DNS names are never web sites; refusing them closes one more way of spelling an address.
const REFUSED_SUFFIXES = ['.in-addr.arpa', '.ip6.arpa'];

/**
 * Checks a URL before any network access: syntax, scheme (http/https only), userinfo, and hosts that are refused
 * whatever DNS says (literal addresses in any encoding WHATWG URL accepts: decimal, octal, hex, short forms,
 * IPv4-mapped/NAT64 IPv6, full-width digits and ideographic dots; localhost names; intranet-only names).
 * Names that merely resolve to a forbidden address are caught at connect time by the guarded connector.
 *
 * @returns the parsed URL (what the fetcher then uses, so the checked and the fetched URL are the same object)
 * @throws FetchError with code `url-refused` (or `address-refused` for a forbidden literal address)
 */
export function checkUrlPolicy(input: string | URL, options: UrlPolicyOptions = {}): URL {
  const url = parseStrictly(typeof input === 'string' ? input : input.href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refused(`scheme ${url.protocol} is not fetched`, url.href);
  }
  if (url.username !== '' || url.password !== '') {
    // Userinfo is the classic way of making a URL read like one host and go to another.
    throw refused('URLs with userinfo (user@host) are not fetched', url.href);
  }
  const port = effectivePort(url);
  if (port === 0) throw refused('port 0 is not fetched', url.href);
  checkHost(url, port, options);
  return url;
}

/** The port a connection to this URL will use. */
export function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

function parseStrictly(raw: string): URL {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_URL_LENGTH) throw refused('empty or over-long URL');
  // WHATWG silently drops tabs/newlines and other parsers do not: a URL read two ways is refused.
  // (Spaces are fine: WHATWG percent-encodes them in paths and rejects them in hosts.)
  if (/[\u0000-\u001f\u007f]/.test(text)) throw refused('URL contains control characters');
  const beforeQuery = text.split(/[?#]/, 1)[0] ?? '';
  // `http://a\@b/`: WHATWG reads host "a", other parsers read host "b". Refuse the ambiguity.
  if (beforeQuery.includes('\\')) throw refused('URL contains a backslash before its query');
  try {
    return new URL(text);
  } catch (err) {
    throw new FetchError(FetchErrorCode.UrlRefused, 'URL does not parse', { cause: err });
  }
}

function checkHost(url: URL, port: number, options: UrlPolicyOptions): void {
  const hostname = url.hostname;
  if (hostname.length === 0 || hostname.length > MAX_HOST_LENGTH) throw refused('missing or over-long host', url.href);

  // WHATWG has already turned every IPv4 spelling into dotted decimal and bracketed IPv6 into canonical form.
  const literal = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (isIP(literal) !== 0) {
    const kind = classifyAddress(literal);
    if (!isAllowedClass(kind, { ...options, port })) {
      throw new FetchError(FetchErrorCode.AddressRefused, `address ${literal} (${kind}) is not fetched`, { url: url.href });
    }
    return;
  }

  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (name === 'localhost' || name.endsWith('.localhost') || name === 'localhost.localdomain') {
    if (isAllowedClass('loopback', { ...options, port })) return;
    throw refused(`host ${name} is loopback`, url.href);
  }
  if (REFUSED_SUFFIXES.some((suffix) => name.endsWith(suffix))) throw refused(`host ${name} is a reverse-DNS name`, url.href);
  if (options.allowPrivate) return;
  if (!name.includes('.')) throw refused(`single-label host ${name} only resolves inside a network`, url.href);
  if (INTERNAL_SUFFIXES.some((suffix) => name.endsWith(suffix))) {
    throw refused(`host ${name} is an intranet-only name`, url.href);
  }
}

function refused(message: string, url?: string): FetchError {
  return new FetchError(FetchErrorCode.UrlRefused, message, { url });
}
