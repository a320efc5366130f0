import { FetchErrorCode } from './fetch.error';
import { type LoopbackServer, seenPath, startLoopbackServer } from './testing/loopback.server';
import { closeTestFetchers, codeOf, fakeDns, fetchErrorOf, recordingLoopbackConnector, testFetcher } from './testing/fetcher.testing';
import { readSsrfList } from './testing/ssrf-lists.testing';

describe('Fetcher SSRF guard (live, loopback only)', () => {
  let allowed: LoopbackServer;
  let internal: LoopbackServer;

  beforeAll(async () => {
    internal = await startLoopbackServer((_request, response) => response.end('internal secret'));
    allowed = await startLoopbackServer((request, response) => {
      const redirects: Record<string, string> = {
        '/to-internal': `http://127.0.0.1:${internal.port}/secret`,
        '/to-internal-relative': `//127.0.0.1:${internal.port}/secret`,
        '/to-localhost': `http://localhost:${internal.port}/secret`,
        '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
        '/to-decimal-metadata': 'http://2852039166/',
        '/to-gopher': 'gopher://127.0.0.1:6379/_INFO',
        '/to-file': 'file:///etc/passwd',
        '/to-userinfo': `http://example.com@127.0.0.1:${allowed.port}/ok`,
        '/to-name': `http://internal.example:${internal.port}/secret`,
        '/to-ok': '/ok',
      };
      const location = redirects[request.url ?? ''];
      if (location) {
        response.writeHead(302, { location }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  afterAll(async () => {
    await closeTestFetchers();
    await Promise.all([allowed.close(), internal.close()]);
  });

  it('refuses every URL of the shared loopback list before connecting, with loopback off (the default)', async () => {
    const { connect, attempts } = recordingLoopbackConnector();
    const fetcher = testFetcher({ allowLoopback: false, robots: { enabled: true }, resolve: fakeDns(), connect });
    const urls = [...readSsrfList('loopback'), `http://127.0.0.1:${internal.port}/`, `http://localtest.me:${internal.port}/`];
    for (const url of urls) {
      const code = await codeOf(fetcher.fetch(url));
      expect({ url, refused: [FetchErrorCode.UrlRefused, FetchErrorCode.AddressRefused].includes(code) }).toEqual({
        url,
        refused: true,
      });
    }
    expect(attempts).toEqual([]);
    expect(internal.seen).toHaveLength(0);
  });

  it('refuses every URL of the shared private list without any connection attempt', async () => {
    const { connect, attempts } = recordingLoopbackConnector();
    const fetcher = testFetcher({ allowLoopback: true, resolve: fakeDns(), connect });
    for (const url of readSsrfList('private')) {
      const code = await codeOf(fetcher.fetch(url));
      expect({ url, refused: [FetchErrorCode.UrlRefused, FetchErrorCode.AddressRefused].includes(code) }).toEqual({
        url,
        refused: true,
      });
    }
    expect(attempts).toEqual([]);
  });

  describe('redirects', () => {
    // Loopback is allowed for the test server's port only, so the second loopback port stands in for "internal".
    const fetcherFor = () =>
      testFetcher({
        loopbackPorts: [allowed.port],
        resolve: fakeDns({ 'internal.example': ['127.0.0.1'] }),
      });

    it.each([
      ['/to-internal', FetchErrorCode.RedirectRefused],
      ['/to-internal-relative', FetchErrorCode.RedirectRefused],
      ['/to-localhost', FetchErrorCode.RedirectRefused],
      ['/to-metadata', FetchErrorCode.RedirectRefused],
      ['/to-decimal-metadata', FetchErrorCode.RedirectRefused],
      ['/to-gopher', FetchErrorCode.RedirectRefused],
      ['/to-file', FetchErrorCode.RedirectRefused],
      ['/to-userinfo', FetchErrorCode.RedirectRefused],
      // A name passes the static check; the connect-time check refuses what it resolves to.
      ['/to-name', FetchErrorCode.AddressRefused],
    ])('refuses the redirect %s', async (path, code) => {
      const error = await fetchErrorOf(fetcherFor().fetch(`${allowed.origin}${path}`));
      expect(error.code).toBe(code);
      expect(error.retryable).toBe(false);
      expect(internal.seen).toHaveLength(0);
    });

    it('follows an allowed redirect and reports the chain', async () => {
      const result = await fetcherFor().fetch(`${allowed.origin}/to-ok`);
      expect(result.status).toBe('ok');
      expect(result.url).toBe(`${allowed.origin}/ok`);
      expect(result.redirects).toEqual([`${allowed.origin}/ok`]);
      expect(seenPath(allowed, '/ok').length).toBeGreaterThan(0);
    });
  });

  it('checks the address of every connection, not a first lookup (DNS rebinding)', async () => {
    const { connect, attempts } = recordingLoopbackConnector();
    let lookups = 0;
    // First answer public, later answers loopback: the classic rebinding pattern.
    const resolve = fakeDns({ 'rebind.example': () => (++lookups === 1 ? ['93.184.215.14'] : ['127.0.0.1']) });
    const fetcher = testFetcher({ allowLoopback: false, resolve, connect });
    const url = `http://rebind.example:${internal.port}/secret`;

    // The public answer is connected to as checked (the test factory refuses non-loopback, so it fails there).
    expect(await codeOf(fetcher.fetch(url))).toBe(FetchErrorCode.ConnectionFailed);
    // The next connection resolves again, gets loopback, and is refused before connecting.
    expect(await codeOf(fetcher.fetch(url))).toBe(FetchErrorCode.AddressRefused);
    expect(attempts).toEqual(['93.184.215.14']);
    expect(internal.seen).toHaveLength(0);
  });

  it('refuses when the socket lands on a forbidden address whatever DNS said', async () => {
    const { connect: loopbackConnect } = recordingLoopbackConnector();
    const fetcher = testFetcher({
      allowLoopback: false,
      resolve: fakeDns({ 'public.example': ['93.184.215.14'] }),
      // Stands in for a route that delivers the "public" address to this machine.
      connect: (options, callback) => loopbackConnect({ ...options, hostname: '127.0.0.1' }, callback),
    });
    expect(await codeOf(fetcher.fetch(`http://public.example:${internal.port}/secret`))).toBe(FetchErrorCode.AddressRefused);
    expect(internal.seen).toHaveLength(0);
  });
});
