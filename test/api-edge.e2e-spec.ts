import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { type ApiStack, startApiStack } from './support/api-stack';

jest.setTimeout(240_000);

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: () => Record<string, unknown>;
  ms: number;
}

/**
 * The HTTP edge: whatever arrives (too big, too slow, malformed, wrongly typed, NUL-laden, absurdly nested), the
 * answer is a clear problem+json in bounded time, and every answer carries the security headers.
 */
describe('the HTTP edge', () => {
  let stack: ApiStack;

  const send = async (method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> => {
    const started = performance.now();
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${stack.adminKey}`, ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text), ms: performance.now() - started };
  };
  const json = (method: string, path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    send(method, path, body, { 'content-type': 'application/json', ...headers });

  const expectProblem = (answer: Answer, status: number, code: string): Record<string, unknown> => {
    expect([answer.status, answer.text.slice(0, 300)]).toEqual([status, expect.any(String)]);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    const body = answer.json();
    expect(body).toMatchObject({ status, code, type: `https://copydesk.dev/problems/${code}` });
    // Never a stack trace or SQL.
    expect(answer.text).not.toMatch(/\n\s+at |node_modules|SELECT |INSERT |QueryFailedError/);
    return body;
  };

  beforeAll(async () => {
    stack = await startApiStack('edge', {
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      HTTP_REQUEST_TIMEOUT_MS: '3000',
      FEED_MIN_INTERVAL_SECONDS: '60',
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a 20 MB body with 413 before reading it or looking at the key', async () => {
    // The size is judged from Content-Length: only the first 64 KiB are sent, and the answer must come anyway. (A
    // client pushing all 20 MB may see the connection reset before it reads the answer: the server stops reading.)
    const started = performance.now();
    const answer = await new Promise<Answer>((resolve, reject) => {
      const request = httpRequest(`${stack.baseUrl}/v1/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer nobody', 'content-length': String(20 * 1024 * 1024) },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          const headers = new Headers(Object.entries(response.headers).map(([k, v]) => [k, String(v)] as [string, string]));
          resolve({ status: response.statusCode ?? 0, headers, text, json: () => JSON.parse(text), ms: performance.now() - started });
          request.destroy();
        });
      });
      request.on('error', reject);
      request.write(Buffer.alloc(64 * 1024, 'a'));
    });
    expectProblem(answer, 413, 'payload-too-large');
    expect(answer.ms).toBeLessThan(5000);
  });

  it('answers malformed JSON, invalid UTF-8, an empty body and a non-object body with a clear problem', async () => {
    expect(expectProblem(await json('POST', '/v1/articles', '{"title": "x",'), 400, 'malformed-body').detail).toMatch(/not valid JSON/);
    const latin1 = Buffer.concat([Buffer.from('{"title":"caf'), Buffer.from([0xe9]), Buffer.from('","body":"x"}')]);
    expect(expectProblem(await json('POST', '/v1/articles', latin1), 400, 'malformed-body').detail).toBe('The body is not valid UTF-8.');
    expectProblem(await json('POST', '/v1/articles', ''), 400, 'malformed-body');
    for (const body of ['null', '[]', '42', '"text"']) {
      const problem = expectProblem(await json('POST', '/v1/enrichment/re-enrich', body), 422, 'validation-failed');
      expect(problem.errors).toEqual([{ pointer: '/', detail: 'the body must be a JSON object' }]);
    }
    expectProblem(await json('POST', '/v1/articles', '{"__proto__": {"admin": true}, "title": "x", "body": "y"}'), 400, 'malformed-body');
  });

  it('refuses form posts, text and untyped bodies with 415', async () => {
    expectProblem(
      await send('POST', '/v1/articles', 'title=x&body=y', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'unsupported-media-type',
    );
    expectProblem(await send('POST', '/v1/articles', 'hello', { 'content-type': 'text/plain' }), 415, 'unsupported-media-type');
    expectProblem(await send('POST', '/v1/articles', '<a/>', { 'content-type': 'application/xml' }), 415, 'unsupported-media-type');
    // JSON with a charset, or a +json type, is JSON.
    const ok = await json('POST', '/v1/articles', '{"title":"Charset","body":"Fine."}', {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(ok.status).toBe(202);
  });

  it('refuses NUL characters anywhere, naming where, with 422', async () => {
    const cases: Array<[string, string, string | undefined, string]> = [
      ['POST', '/v1/articles', JSON.stringify({ title: 'bad\u0000title', body: 'x' }), '/title'],
      ['POST', '/v1/articles', JSON.stringify({ title: 't', body: 'x', externalId: 'id\u0000' }), '/externalId'],
      ['GET', '/v1/articles?q=%00', undefined, '/query/q'],
      ['GET', '/v1/articles?source=cms%00', undefined, '/query/source'],
      ['GET', '/v1/sources/cms%00', undefined, '/path/ref'],
      ['POST', '/v1/subscriptions', JSON.stringify({ url: 'https://example.com/hook', filters: { query: 'a\u0000' } }), '/filters/query'],
      ['PUT', '/v1/articles/7f3c2a1e-0000-4000-8000-000000000000/entities', JSON.stringify({ people: ['A\u0000B'] }), '/people/0'],
    ];
    for (const [method, path, body, pointer] of cases) {
      const answer = body === undefined ? await send(method, path) : await json(method, path, body);
      const problem = expectProblem(answer, 422, 'validation-failed');
      expect([path, problem.errors]).toEqual([path, [{ pointer, detail: 'must not contain NUL (\\u0000) characters' }]]);
    }
  });

  it('refuses JSON nested 2,000 levels deep with 422, fast', async () => {
    const deep = `{"title":"t","body":"b","description":${'['.repeat(2000)}${']'.repeat(2000)}}`;
    const answer = await json('POST', '/v1/articles', deep);
    expect(expectProblem(answer, 422, 'validation-failed').detail).toMatch(/nested deeper than 64 levels/);
    expect(answer.ms).toBeLessThan(1000);
  });

  it('refuses null for fields that are not nullable, naming the field, and accepts it where it clears a value', async () => {
    const places = expectProblem(
      await json('PUT', '/v1/articles/7f3c2a1e-0000-4000-8000-000000000000/entities', '{"places": null}'),
      422,
      'validation-failed',
    );
    expect(places.errors).toEqual([{ pointer: '/places', detail: 'places must not be null' }]);
    const name = expectProblem(await json('PATCH', '/v1/sources/cms', '{"name": null}'), 422, 'validation-failed');
    expect(name.errors).toEqual([{ pointer: '/name', detail: 'name must not be null' }]);
    const created = await stack.client.post('/v1/subscriptions', { url: 'https://example.com/hook', name: 'named' });
    expect(created.status).toBe(201);
    const cleared = await stack.client.request('PATCH', `/v1/subscriptions/${created.body.id as string}`, { name: null });
    expect([cleared.status, cleared.body.name]).toEqual([200, null]);
  });

  it('keeps feeds above FEED_MIN_INTERVAL_SECONDS and their URL set', async () => {
    const tooOften = await stack.client.post('/v1/sources', {
      slug: 'eager',
      name: 'Eager',
      type: 'feed',
      url: 'https://feeds.example.com/eager.xml',
      pollIntervalSeconds: 1,
    });
    expect(tooOften.status).toBe(422);
    expect(tooOften.body.errors).toEqual([
      { pointer: '/pollIntervalSeconds', detail: 'pollIntervalSeconds must be at least 60 (FEED_MIN_INTERVAL_SECONDS)' },
    ]);
    const feed = await stack.client.post('/v1/sources', {
      slug: 'calm',
      name: 'Calm',
      type: 'feed',
      url: 'https://feeds.example.com/calm.xml',
    });
    expect(feed.status).toBe(201);
    const noUrl = await stack.client.request('PATCH', '/v1/sources/calm', { url: null });
    expect([noUrl.status, noUrl.body.errors]).toEqual([422, [{ pointer: '/url', detail: 'url must not be null' }]]);
    expect((await stack.client.request('PATCH', '/v1/sources/calm', { minIntervalSeconds: 5 })).status).toBe(422);
  });

  it('refuses hexadecimal, exponent and padded integers in the query', async () => {
    for (const limit of ['0x10', '1e1', '%2010', '0b11', '1.5', '-1', '0', '201']) {
      const problem = expectProblem(await send('GET', `/v1/articles?limit=${limit}`), 422, 'validation-failed');
      expect((problem.errors as Array<{ pointer: string }>)[0].pointer).toBe('/limit');
    }
    expect((await send('GET', '/v1/articles?limit=10')).status).toBe(200);
  });

  it('answers 405 with Allow for a known path and another method, 404 for unknown paths', async () => {
    const answer = await send('DELETE', '/v1/articles');
    expectProblem(answer, 405, 'method-not-allowed');
    expect(answer.headers.get('allow')).toBe('GET, HEAD, POST');
    const put = await send('PUT', '/v1/articles/7f3c2a1e-0000-4000-8000-000000000000/kill');
    expectProblem(put, 405, 'method-not-allowed');
    expect(put.headers.get('allow')).toBe('POST');
    expectProblem(await send('GET', '/v1/nothing-here'), 404, 'not-found');
  });

  it('answers Fastify’s and Node’s own early errors as problem+json: bad encoding 400, long path 414, huge headers 431', async () => {
    expectProblem(await send('GET', '/v1/articles/%zz'), 400, 'invalid-parameter');
    expectProblem(await send('GET', `/v1/sources/${'a'.repeat(300)}`), 414, 'uri-too-long');
    const huge = await send('GET', '/v1/articles', undefined, { 'x-filler': 'a'.repeat(20_000) });
    expect(huge.status).toBe(431);
    expect(huge.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.parse(huge.text)).toMatchObject({ status: 431, code: 'headers-too-large' });
  });

  it('names malformed path ids as 400 invalid-parameter', async () => {
    const problem = expectProblem(await send('GET', '/v1/articles/not-a-uuid'), 400, 'invalid-parameter');
    expect(problem.errors).toEqual([{ pointer: '/path/id', detail: 'must be a UUID' }]);
  });

  it('closes a slow-loris sender with 408 problem+json in bounded time', async () => {
    const port = Number(new URL(stack.baseUrl).port);
    const slow = async (parts: string[]): Promise<{ text: string; ms: number }> =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const socket = connect(port, '127.0.0.1');
        let text = '';
        let i = 0;
        const timer = setInterval(() => {
          if (i < parts.length && !socket.destroyed) socket.write(parts[i++]);
        }, 500);
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => {
          clearInterval(timer);
          resolve({ text, ms: performance.now() - started });
        });
        socket.on('error', reject);
      });
    // Headers dribbled out forever: cut at HTTP_HEADERS_TIMEOUT_MS (2 s) plus the check interval.
    const headers = await slow(['POST /v1/articles HTTP/1.1\r\n', 'Host: x\r\n', ...Array.from({ length: 40 }, (_, n) => `X-${n}: y\r\n`)]);
    expect(headers.text).toMatch(/^HTTP\/1\.1 408/);
    expect(headers.text).toContain('"code":"request-timeout"');
    expect(headers.ms).toBeLessThan(6000);
    // A body dribbled out: cut at HTTP_REQUEST_TIMEOUT_MS (3 s).
    const body = await slow([
      `POST /v1/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${stack.adminKey}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
      ...Array.from({ length: 40 }, () => '{'),
    ]);
    expect(body.text).toMatch(/^HTTP\/1\.1 408/);
    expect(body.ms).toBeLessThan(7000);
  });

  it('sends nosniff on every answer and a strict CSP on /docs and /admin', async () => {
    for (const path of ['/health', '/openapi.json', '/v1/articles', '/docs']) {
      expect([path, (await send('GET', path)).headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
    }
    const docs = await send('GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
    expect(docs.headers.get('content-security-policy')).not.toMatch(/https?:/);
    expect(docs.text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[^"'\s]*\.(?:js|css)/);
    const admin = await send('GET', '/admin');
    expect(admin.headers.get('content-security-policy')).toMatch(/default-src 'none'|default-src 'self'/);
  });
});
