import { gzipSync } from 'node:zlib';
import { FetchErrorCode } from './fetch.error';
import { closeTestFetchers, codeOf, fetchErrorOf, testFetcher } from './testing/fetcher.testing';
import { type LoopbackServer, startLoopbackServer } from './testing/loopback.server';
import { gzipBombs } from './testing/ssrf-lists.testing';

const KiB = 1024;
const MiB = 1024 * KiB;

describe('Fetcher limits', () => {
  let server: LoopbackServer;
  const { single: bomb, double: doubleBomb } = gzipBombs();

  beforeAll(async () => {
    server = await startLoopbackServer((request, response) => {
      const path = request.url ?? '/';
      const hop = /^\/hop\/(\d+)$/.exec(path);
      if (hop) {
        const left = Number(hop[1]);
        if (left === 0) response.writeHead(200, { 'content-type': 'text/plain' }).end('arrived');
        else response.writeHead(301, { location: `/hop/${left - 1}` }).end();
        return;
      }
      switch (path) {
        case '/small':
          response.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(100));
          return;
        case '/declared-huge':
          response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(100 * MiB) });
          response.write('x');
          return; // never finishes: the fetcher must refuse on the header alone
        case '/endless-chunked': {
          response.writeHead(200, { 'content-type': 'text/plain' });
          const chunk = Buffer.alloc(64 * KiB, 'y');
          const pump = (): void => {
            while (!response.destroyed && response.write(chunk));
            if (!response.destroyed) response.once('drain', pump);
          };
          pump();
          return;
        }
        case '/gzip-bomb':
          response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb);
          return;
        case '/double-gzip-bomb':
          response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip, gzip' }).end(doubleBomb);
          return;
        case '/gzipped':
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync('<p>café</p>'));
          return;
        case '/too-many-layers':
          response
            .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip, gzip, gzip, gzip' })
            .end(gzipSync(gzipSync(gzipSync(gzipSync('deep')))));
          return;
        case '/unknown-encoding':
          response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'zstd' }).end('zz');
          return;
        case '/corrupt-gzip':
          response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end('this is not gzip');
          return;
        case '/no-headers':
          return; // accepts the request, never answers
        case '/slow-drip': {
          response.writeHead(200, { 'content-type': 'text/plain' });
          const timer = setInterval(() => response.write('.'), 20);
          response.on('close', () => clearInterval(timer));
          return;
        }
        case '/image':
          response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(10));
          return;
        case '/untyped':
          response.end('no content type');
          return;
        case '/not-found':
          response.writeHead(404, { 'content-type': 'text/html' }).end('gone');
          return;
        case '/server-error':
          response.writeHead(500).end();
          return;
        default:
          response.writeHead(400).end();
      }
    });
  });
  afterAll(async () => {
    await closeTestFetchers();
    await server.close();
  });

  it('reads a small body', async () => {
    const result = await testFetcher().fetch(`${server.origin}/small`);
    expect(result.bytes.length).toBe(100);
    expect(result.headers['content-type']).toBe('text/plain');
  });

  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    const started = Date.now();
    const error = await fetchErrorOf(testFetcher({ maxBytes: MiB }).fetch(`${server.origin}/declared-huge`));
    expect(error.code).toBe(FetchErrorCode.TooLarge);
    expect(error.retryable).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('cuts an endless chunked body at the cap', async () => {
    expect(await codeOf(testFetcher({ maxBytes: MiB }).fetch(`${server.origin}/endless-chunked`))).toBe(FetchErrorCode.TooLarge);
  });

  it('stops a 1 GiB gzip bomb at the 15 MiB default cap, quickly', async () => {
    const started = Date.now();
    const error = await fetchErrorOf(testFetcher().fetch(`${server.origin}/gzip-bomb`));
    expect(error.code).toBe(FetchErrorCode.TooLarge);
    expect(error.message).toContain('after gzip');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('applies the cap after every layer of a double-gzip bomb', async () => {
    const started = Date.now();
    const error = await fetchErrorOf(testFetcher().fetch(`${server.origin}/double-gzip-bomb`));
    expect(error.code).toBe(FetchErrorCode.TooLarge);
    expect(Date.now() - started).toBeLessThan(3000);
    // The inner layer (1 MiB) fits a 2 MiB cap; the outer one (1 GiB) does not.
    const tight = await fetchErrorOf(testFetcher({ maxBytes: 2 * MiB }).fetch(`${server.origin}/double-gzip-bomb`));
    expect(tight.code).toBe(FetchErrorCode.TooLarge);
  });

  it('decompresses ordinary gzip and decodes the text', async () => {
    const result = await testFetcher().fetch(`${server.origin}/gzipped`);
    expect(result.text).toBe('<p>café</p>');
    expect(server.seen.at(-1)?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it.each([
    ['/too-many-layers', FetchErrorCode.BadResponse],
    ['/unknown-encoding', FetchErrorCode.BadResponse],
    ['/corrupt-gzip', FetchErrorCode.BadResponse],
  ])('refuses %s as a bad response', async (path, code) => {
    expect(await codeOf(testFetcher().fetch(`${server.origin}${path}`))).toBe(code);
  });

  it('times out when headers never come', async () => {
    const started = Date.now();
    const error = await fetchErrorOf(testFetcher({ timeoutMs: 300 }).fetch(`${server.origin}/no-headers`));
    expect(error.code).toBe(FetchErrorCode.Timeout);
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out a body that drips forever (the budget covers the whole body)', async () => {
    const started = Date.now();
    expect(await codeOf(testFetcher({ timeoutMs: 400 }).fetch(`${server.origin}/slow-drip`))).toBe(FetchErrorCode.Timeout);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('honours the caller abort signal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await fetchErrorOf(testFetcher().fetch(`${server.origin}/no-headers`, { signal: controller.signal }));
    expect(error.code).toBe(FetchErrorCode.Aborted);
    expect(error.retryable).toBe(false);
  });

  it('follows at most maxRedirects redirects', async () => {
    const result = await testFetcher().fetch(`${server.origin}/hop/5`);
    expect(result.text).toBe('arrived');
    expect(result.redirects).toHaveLength(5);
    expect(await codeOf(testFetcher().fetch(`${server.origin}/hop/6`))).toBe(FetchErrorCode.TooManyRedirects);
    expect(await codeOf(testFetcher({ maxRedirects: 0 }).fetch(`${server.origin}/hop/1`))).toBe(FetchErrorCode.TooManyRedirects);
  });

  it('refuses content types it was not asked for, and accepts them when asked', async () => {
    expect(await codeOf(testFetcher().fetch(`${server.origin}/image`))).toBe(FetchErrorCode.ContentTypeRefused);
    const image = await testFetcher().fetch(`${server.origin}/image`, { acceptContentTypes: ['image/*'] });
    expect(image.contentType).toBe('image/png');
    expect(image.text).toBeUndefined();
    const untyped = await testFetcher().fetch(`${server.origin}/untyped`);
    expect(untyped.contentType).toBeUndefined();
    expect(untyped.text).toBe('no content type');
  });

  it('classifies HTTP errors: 404 is permanent, 500 is retryable', async () => {
    const notFound = await fetchErrorOf(testFetcher().fetch(`${server.origin}/not-found`));
    expect([notFound.code, notFound.statusCode, notFound.retryable]).toEqual([FetchErrorCode.HttpStatus, 404, false]);
    const serverError = await fetchErrorOf(testFetcher().fetch(`${server.origin}/server-error`));
    expect([serverError.code, serverError.statusCode, serverError.retryable]).toEqual([FetchErrorCode.HttpStatus, 500, true]);
  });

  it('drops credentials on a cross-origin redirect and keeps them on the same origin', async () => {
    const other = await startLoopbackServer((_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('other'));
    const hopper = await startLoopbackServer((request, response) => {
      if (request.url === '/same') response.writeHead(302, { location: '/landed' }).end();
      else if (request.url === '/cross') response.writeHead(302, { location: `${other.origin}/landed` }).end();
      else response.writeHead(200, { 'content-type': 'text/plain' }).end('here');
    });
    try {
      const headers = { Authorization: 'Bearer partner-token', 'X-Feed-Id': '7' };
      await testFetcher().fetch(`${hopper.origin}/same`, { headers });
      expect(hopper.seen.at(-1)?.headers['authorization']).toBe('Bearer partner-token');
      await testFetcher().fetch(`${hopper.origin}/cross`, { headers });
      expect(other.seen.at(-1)?.headers['authorization']).toBeUndefined();
      expect(other.seen.at(-1)?.headers['x-feed-id']).toBe('7');
    } finally {
      await Promise.all([other.close(), hopper.close()]);
    }
  });

  it('sends a clear User-Agent and never lets a caller override framing headers', async () => {
    await testFetcher().fetch(`${server.origin}/small`, {
      headers: { 'User-Agent': 'spoof', Host: 'evil.example', 'Accept-Encoding': 'identity', 'X-Feed-Token': 'abc' },
    });
    const headers = server.seen.at(-1)?.headers;
    expect(headers?.['user-agent']).toBe('CopydeskTest/1.0 (+https://copydesk.example/bot)');
    expect(headers?.['host']).toBe(`127.0.0.1:${server.port}`);
    expect(headers?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers?.['x-feed-token']).toBe('abc');
  });
});
