import { FetchError, FetchErrorCode } from '../fetch.error';
import { readSsrfList } from '../testing/ssrf-lists.testing';
import { checkUrlPolicy } from './url.policy';

// Names that only DNS turns into loopback; no static check can know them. The fetcher's connect-time check refuses
// them (fetcher.ssrf.spec.ts plays their real DNS answers).
const NEEDS_DNS = new Set(['http://127.0.0.1.nip.io/', 'http://localtest.me/']);

function refusal(url: string, options = {}): FetchErrorCode | 'allowed' {
  try {
    checkUrlPolicy(url, options);
    return 'allowed';
  } catch (err) {
    if (err instanceof FetchError) return err.code;
    throw err;
  }
}

describe('checkUrlPolicy', () => {
  it.each(readSsrfList('loopback').filter((url) => !NEEDS_DNS.has(url)))('refuses loopback-list URL %s', (url) => {
    expect([FetchErrorCode.UrlRefused, FetchErrorCode.AddressRefused]).toContain(refusal(url));
  });

  it.each(readSsrfList('private'))('refuses private-list URL %s, even with loopback allowed', (url) => {
    expect([FetchErrorCode.UrlRefused, FetchErrorCode.AddressRefused]).toContain(refusal(url));
    expect([FetchErrorCode.UrlRefused, FetchErrorCode.AddressRefused]).toContain(refusal(url, { allowLoopback: true }));
  });

  it('lets names that need DNS through to the connect-time check', () => {
    for (const url of NEEDS_DNS) expect(refusal(url)).toBe('allowed');
  });

  it.each([
    'https://example.com/feed.xml',
    'http://news.example.org:8080/a?b=c#d',
    'https://xn--bcher-kva.example/',
    'https://bücher.example/',
    'http://93.184.215.14/',
    'http://[2606:4700:4700::1111]/',
    '  https://example.com/  ',
  ])('allows public URL %s', (url) => {
    expect(refusal(url)).toBe('allowed');
  });

  it.each([
    ['not a url', FetchErrorCode.UrlRefused],
    ['javascript:alert(1)', FetchErrorCode.UrlRefused],
    ['data:text/html,hi', FetchErrorCode.UrlRefused],
    ['https://user:pass@example.com/', FetchErrorCode.UrlRefused],
    ['https://exa\tmple.com/', FetchErrorCode.UrlRefused],
    ['https://example.com\\@evil.example/', FetchErrorCode.UrlRefused],
    ['http://example.com:0/', FetchErrorCode.UrlRefused],
    ['http://printer.local/', FetchErrorCode.UrlRefused],
    ['http://router.home.arpa/', FetchErrorCode.UrlRefused],
    ['http://1.0.0.127.in-addr.arpa/', FetchErrorCode.UrlRefused],
    ['http://intranet/', FetchErrorCode.UrlRefused],
    [`https://${'a'.repeat(9000)}.example/`, FetchErrorCode.UrlRefused],
  ])('refuses %s', (url, code) => {
    expect(refusal(url)).toBe(code);
  });

  it('allows loopback (and only the listed ports) when asked, for tests and development', () => {
    expect(refusal('http://127.0.0.1:8080/', { allowLoopback: true })).toBe('allowed');
    expect(refusal('http://localhost:8080/', { allowLoopback: true })).toBe('allowed');
    expect(refusal('http://127.0.0.1:8080/', { allowLoopback: true, loopbackPorts: [8080] })).toBe('allowed');
    expect(refusal('http://127.0.0.1:6379/', { allowLoopback: true, loopbackPorts: [8080] })).toBe(FetchErrorCode.AddressRefused);
    expect(refusal('http://localhost:6379/', { allowLoopback: true, loopbackPorts: [8080] })).toBe(FetchErrorCode.UrlRefused);
  });

  it('allows intranet names and addresses with allowPrivate, never metadata', () => {
    expect(refusal('http://intranet/', { allowPrivate: true })).toBe('allowed');
    expect(refusal('http://wiki.corp/', { allowPrivate: true })).toBe('allowed');
    expect(refusal('http://10.0.0.1/', { allowPrivate: true })).toBe('allowed');
    expect(refusal('http://169.254.169.254/', { allowPrivate: true })).toBe(FetchErrorCode.AddressRefused);
  });

  it('returns the parsed URL that will be fetched', () => {
    expect(checkUrlPolicy('HTTP://Example.COM/a b').href).toBe('http://example.com/a%20b');
  });
});
