import { closeTestFetchers, testFetcher } from './testing/fetcher.testing';
import { type LoopbackServer, startLoopbackServer } from './testing/loopback.server';

const ETAG = '"v42"';
const LAST_MODIFIED = 'Wed, 21 Oct 2026 07:28:00 GMT';

describe('Fetcher conditional GET', () => {
  let server: LoopbackServer;
  let bodyWrites = 0;

  beforeAll(async () => {
    server = await startLoopbackServer((request, response) => {
      const byEtag = request.url === '/etag' && request.headers['if-none-match'] === ETAG;
      const byDate = request.url === '/date' && request.headers['if-modified-since'] === LAST_MODIFIED;
      if (byEtag || byDate) {
        response.writeHead(304, { etag: ETAG }).end();
        return;
      }
      bodyWrites++;
      response
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG, 'last-modified': LAST_MODIFIED })
        .end('<?xml version="1.0"?><rss><channel><title>t</title></channel></rss>');
    });
  });
  afterAll(async () => {
    await closeTestFetchers();
    await server.close();
  });

  it('returns the validators, sends them back, and turns a 304 into not-modified with nothing read', async () => {
    const fetcher = testFetcher();
    const first = await fetcher.fetch(`${server.origin}/etag`);
    expect(first.status).toBe('ok');
    expect(first.etag).toBe(ETAG);
    expect(first.lastModified).toBe(LAST_MODIFIED);
    expect(first.text).toContain('<rss>');

    const second = await fetcher.fetch(`${server.origin}/etag`, { etag: first.etag, lastModified: first.lastModified });
    expect(server.seen.at(-1)?.headers['if-none-match']).toBe(ETAG);
    expect(server.seen.at(-1)?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(second).toMatchObject({ status: 'not-modified', statusCode: 304, etag: ETAG, lastModified: LAST_MODIFIED });
    expect(second.bytes.length).toBe(0);
    expect(second.text).toBeUndefined();
    expect(second.charset).toBeUndefined();
    expect(bodyWrites).toBe(1);
  });

  it('works with Last-Modified alone', async () => {
    const result = await testFetcher().fetch(`${server.origin}/date`, { lastModified: LAST_MODIFIED });
    expect(result.status).toBe('not-modified');
    expect(server.seen.at(-1)?.headers['if-none-match']).toBeUndefined();
  });

  it('sends no validators it was not given', async () => {
    const result = await testFetcher().fetch(`${server.origin}/date`);
    expect(result.status).toBe('ok');
    expect(server.seen.at(-1)?.headers['if-modified-since']).toBeUndefined();
  });
});
