import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../command';
import { createIngestCommand } from './ingest.command';

// The wire library's own fixtures (IPTC samples, CC BY 4.0, and edge cases): see libs/wire/src/fixtures/README.md.
const FIXTURES = join(__dirname, '..', '..', '..', 'wire', 'src', 'fixtures');

interface Captured {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
  records: () => Array<Record<string, unknown>>;
}

function capture(): Captured {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (c: Buffer) => chunks.out.push(c));
  err.on('data', (c: Buffer) => chunks.err.push(c));
  const stdout = () => Buffer.concat(chunks.out).toString('utf8');
  return {
    io: { stdout: out, stderr: err },
    stdout,
    stderr: () => Buffer.concat(chunks.err).toString('utf8'),
    records: () =>
      stdout()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  authorization: string | undefined;
  body: Buffer;
}

/** A stand-in for the Copydesk API on 127.0.0.1: records each push; refuses files whose bytes contain "REFUSE ME". */
async function startApi(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        contentType: request.headers['content-type'],
        authorization: request.headers.authorization,
        body,
      });
      if (body.includes('REFUSE ME')) {
        response.writeHead(422, { 'content-type': 'application/problem+json' });
        response.end(
          JSON.stringify({ type: 'about:blank', title: 'Unprocessable Entity', status: 422, detail: 'the agency is not a source' }),
        );
        return;
      }
      response.writeHead(202, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: `article-${received.length}`, status: 'received' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

describe('copydesk ingest', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-ingest-'));
    mkdirSync(join(dir, 'agency'));
    copyFileSync(join(FIXTURES, 'iptc/newsml-g2/LISTING_22_Sports_story_in_NewsML-G2NITF.xml'), file('agency/a-sports.xml'));
    copyFileSync(join(FIXTURES, 'edge/g2-package-message.xml'), file('agency/b-package.xml'));
    copyFileSync(join(FIXTURES, 'edge/nitf-3.6-document.xml'), file('c-nitf.xml'));
    copyFileSync(join(FIXTURES, 'iptc/ninjs/001_simple_example.json'), file('d-ninjs.json'));
    writeFileSync(file('.hidden.xml'), 'not read');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('--dry-run', () => {
    it('prints one JSON record per text item, with its file, and progress on stderr', async () => {
      const out = capture();
      const code = await createIngestCommand({ env: {} }).run(['--dry-run', dir], out.io);
      expect(code).toBe(0);
      const records = out.records();
      expect(records.map((r) => [r.file, r.format, r.title])).toEqual([
        [file('agency/a-sports.xml'), 'newsml-g2', 'Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.'],
        [file('agency/b-package.xml'), 'newsml-g2', 'Mayor re-elected by 200 votes'],
        [file('c-nitf.xml'), 'nitf', 'Harbour ferry to add night crossings'],
        [file('d-ninjs.json'), 'ninjs', 'Captain of wrecked cruise ship on trial in Italy'],
      ]);
      expect(records[0]).toMatchObject({
        guid: 'tag:xmlteam.com,2016:xt.5932656-preview',
        version: 11,
        mediaTopics: ['medtop:20000822', 'medtop:20000849'],
      });
      expect(out.stderr()).toContain(
        `[2/4] ${file('agency/b-package.xml')}: newsml-g2 2.33, 1 article, 1 other item (picture), 1 reference\n`,
      );
      expect(out.stderr()).toMatch(/copydesk ingest: 4 of 4 files read in \d+\.\ds\n$/);
    });

    it('reports a file it cannot read or that is not wire copy, goes on, and exits 1', async () => {
      writeFileSync(file('b2-broken.json'), '{"uri": "x", "headlines": [');
      copyFileSync(join(FIXTURES, 'edge/bomb-billion-laughs.xml'), file('b3-bomb.xml'));
      const out = capture();
      const code = await createIngestCommand({ env: {} }).run(['--dry-run', dir, file('missing.xml')], out.io);
      expect(code).toBe(1);
      expect(out.records()).toHaveLength(4);
      expect(out.stderr()).toContain(`copydesk ingest: cannot read ${file('missing.xml')}: ENOENT: no such file or directory`);
      expect(out.stderr()).toMatch(/b2-broken\.json: the document is not valid JSON/);
      expect(out.stderr()).toMatch(/b3-bomb\.xml: the document declares entities in its DTD; .* refused\n/);
    });

    it('refuses a file over the size limit without reading it', async () => {
      const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
      writeFileSync(file('huge.xml'), big);
      const out = capture();
      expect(await createIngestCommand({ env: {} }).run(['--dry-run', file('huge.xml')], out.io)).toBe(1);
      expect(out.stderr()).toContain(`huge.xml: the file is larger than 10485760 bytes (10485761)`);
    });
  });

  describe('pushing', () => {
    let api: Awaited<ReturnType<typeof startApi>>;
    beforeEach(async () => {
      api = await startApi();
    });
    afterEach(() => new Promise<void>((resolve) => api.server.close(() => resolve())));

    it('POSTs each file unchanged to /v1/articles with its format media type and the key, from the environment', async () => {
      const out = capture();
      const env = { COPYDESK_URL: api.url, COPYDESK_API_KEY: 'cpd_test_key' };
      const code = await createIngestCommand({ env }).run([dir], out.io);
      expect(code).toBe(0);
      expect(api.received.map((r) => [r.method, r.url, r.contentType, r.authorization])).toEqual([
        ['POST', '/v1/articles', 'application/vnd.iptc.g2.newsitem+xml', 'Bearer cpd_test_key'],
        ['POST', '/v1/articles', 'application/vnd.iptc.g2.newsmessage+xml', 'Bearer cpd_test_key'],
        ['POST', '/v1/articles', 'application/nitf+xml', 'Bearer cpd_test_key'],
        ['POST', '/v1/articles', 'application/ninjs+json', 'Bearer cpd_test_key'],
      ]);
      expect(api.received[2].body.equals(readFileSync(file('c-nitf.xml')))).toBe(true);
      expect(out.records()).toEqual([
        { file: file('agency/a-sports.xml'), httpStatus: 202, id: 'article-1', status: 'received' },
        { file: file('agency/b-package.xml'), httpStatus: 202, id: 'article-2', status: 'received' },
        { file: file('c-nitf.xml'), httpStatus: 202, id: 'article-3', status: 'received' },
        { file: file('d-ninjs.json'), httpStatus: 202, id: 'article-4', status: 'received' },
      ]);
    });

    it('--url and --key win over the environment; a path prefix is kept', async () => {
      const out = capture();
      const env = { COPYDESK_URL: 'http://127.0.0.1:9', COPYDESK_API_KEY: 'ignored' };
      const code = await createIngestCommand({ env }).run(['--url', `${api.url}/copydesk/`, '--key', 'k2', file('c-nitf.xml')], out.io);
      expect(code).toBe(0);
      expect(api.received.map((r) => [r.url, r.authorization])).toEqual([['/copydesk/v1/articles', 'Bearer k2']]);
    });

    it('reports the API problem for a refused file, pushes the rest, exits 1; files that do not parse are not sent', async () => {
      writeFileSync(file('c2-refused.json'), JSON.stringify({ uri: 'urn:x', type: 'text', headlines: [{ value: 'REFUSE ME' }] }));
      writeFileSync(file('c3-not-wire.txt'), 'hello');
      const out = capture();
      const code = await createIngestCommand({ env: {} }).run(['--url', api.url, '--key', 'k', dir], out.io);
      expect(code).toBe(1);
      expect(api.received).toHaveLength(5);
      expect(out.stderr()).toContain('c2-refused.json: HTTP 422 Unprocessable Entity: the agency is not a source\n');
      expect(out.stderr()).toContain('c3-not-wire.txt: the document is neither XML nor JSON');
      expect(out.records().map((r) => r.id)).toEqual(['article-1', 'article-2', 'article-3', 'article-5']);
    });

    it('stops at once, saying so, when Copydesk cannot be reached', async () => {
      const closed = await startApi();
      await new Promise<void>((resolve) => closed.server.close(() => resolve()));
      const out = capture();
      const code = await createIngestCommand({ env: {} }).run(['--url', closed.url, '--key', 'k', dir], out.io);
      expect(code).toBe(1);
      expect(out.stderr()).toContain(`a-sports.xml: cannot reach Copydesk at ${closed.url}: `);
      expect(out.stderr()).toContain('copydesk ingest: stopped after 1 of 4 files\n');
    });
  });

  it('usage errors exit 2 with a clear message: no path, no URL, no key, a bad URL, an unknown option', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--dry-run'], /give at least one file or directory/],
      [[dir], /no Copydesk to push to: give --url or set COPYDESK_URL/],
      [['--url', 'http://127.0.0.1:3000', dir], /no API key: give --key or set COPYDESK_API_KEY/],
      [['--url', 'ftp://x', '--key', 'k', dir], /--url must be an http\(s\) URL/],
      [['--nope', dir], /Unknown option '--nope'/],
    ];
    for (const [argv, message] of cases) {
      const out = capture();
      expect(await createIngestCommand({ env: {} }).run(argv, out.io)).toBe(2);
      expect(out.stderr()).toMatch(message);
    }
  });

  it('does not load the wire library until it runs', async () => {
    let loaded = 0;
    const command = createIngestCommand({
      env: {},
      loadWire: () => {
        loaded++;
        return import('@copydesk/wire');
      },
    });
    expect(loaded).toBe(0);
    expect(await command.run(['--dry-run', file('c-nitf.xml')], capture().io)).toBe(0);
    expect(loaded).toBe(1);
  });
});
