import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../command';
import { createExtractCommand, type FetchPage, pageId } from './extract.command';

const PARAGRAPH =
  'The council voted on Tuesday to expand the harbour ferry service, adding two night crossings and a weekend route to the islands after a year of complaints.';

function page(title: string, extraHead = ''): string {
  return `<html lang="en"><head><title>${title}</title>${extraHead}</head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${[1, 2, 3, 4].map((n) => `<p>${n}. ${PARAGRAPH} <a href="/more">more</a></p>`).join('')}</article></body></html>`;
}

interface Captured {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

function capture(): Captured {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (c: Buffer) => chunks.out.push(c));
  err.on('data', (c: Buffer) => chunks.err.push(c));
  return {
    io: { stdout: out, stderr: err },
    stdout: () => Buffer.concat(chunks.out).toString('utf8'),
    stderr: () => Buffer.concat(chunks.err).toString('utf8'),
  };
}

const noFetch: FetchPage = () => Promise.reject(new Error('no network in tests'));

describe('copydesk extract', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-extract-'));
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'b-story.html'), page('Second story'));
    writeFileSync(join(dir, 'nested', 'a-story.htm'), page('First story', '<link rel="canonical" href="https://www.example.com/first">'));
    writeFileSync(join(dir, 'notes.txt'), 'not a page');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('walks a directory for .html and .htm files and prints one JSON line per page, records only on stdout', async () => {
    const out = capture();
    const code = await createExtractCommand(noFetch).run([dir], out.io);
    expect(code).toBe(0);
    const records = out
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => r.id)).toEqual(['b-story', 'a-story']);
    const first = records[1];
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining([
        'id',
        'url',
        'title',
        'byline',
        'authors',
        'publishedAt',
        'modifiedAt',
        'language',
        'articleBody',
        'bodyHtml',
        'image',
        'access',
        'provenance',
      ]),
    );
    expect(first).toMatchObject({ title: 'First story', url: 'https://www.example.com/first', language: 'en', isArticle: true });
    expect(first.articleBody).toContain(`1. ${PARAGRAPH}`);
    expect(String(first.articleBody).split('\n')).toHaveLength(4);
    expect(out.stderr()).toContain('2 page(s) extracted, 0 failed');
  });

  it('prints a JSON array with --format json', async () => {
    const out = capture();
    expect(await createExtractCommand(noFetch).run([join(dir, 'b-story.html'), '--format', 'json'], out.io)).toBe(0);
    const records = JSON.parse(out.stdout()) as Array<{ id: string }>;
    expect(records.map((r) => r.id)).toEqual(['b-story']);
  });

  it('uses --url as the address of a single file', async () => {
    const out = capture();
    await createExtractCommand(noFetch).run([join(dir, 'b-story.html'), '--url', 'https://news.example.org/2021/03/12/ferry'], out.io);
    const record = JSON.parse(out.stdout()) as { url: string; publishedAt: string; bodyHtml: string };
    expect(record.url).toBe('https://news.example.org/2021/03/12/ferry');
    expect(record.publishedAt).toBe('2021-03-12T00:00:00.000Z');
    expect(record.bodyHtml).toContain('href="https://news.example.org/more"');
  });

  it('reports an unreadable input, goes on with the rest, and exits non-zero at the end', async () => {
    const out = capture();
    const code = await createExtractCommand(noFetch).run([join(dir, 'missing.html'), join(dir, 'b-story.html')], out.io);
    expect(code).toBe(1);
    expect(out.stdout().trim().split('\n')).toHaveLength(1);
    expect(out.stderr()).toMatch(/cannot read .*missing\.html/);
  });

  it('fetches URLs through the injected fetch function', async () => {
    const fetched: string[] = [];
    const fetchPage: FetchPage = (url) => {
      fetched.push(url);
      return Promise.resolve({
        body: new TextEncoder().encode(page('Fetched story')),
        contentType: 'text/html; charset=utf-8',
        url: `${url}?final`,
      });
    };
    const out = capture();
    expect(await createExtractCommand(fetchPage).run(['https://www.example.com/story'], out.io)).toBe(0);
    expect(fetched).toEqual(['https://www.example.com/story']);
    expect(JSON.parse(out.stdout())).toMatchObject({
      id: 'https://www.example.com/story',
      url: 'https://www.example.com/story?final',
      title: 'Fetched story',
    });
  });

  it('reports a failed fetch and exits non-zero', async () => {
    const out = capture();
    expect(await createExtractCommand(noFetch).run(['https://www.example.com/story'], out.io)).toBe(1);
    expect(out.stdout()).toBe('');
    expect(out.stderr()).toContain('no network in tests');
  });

  it('rejects bad arguments with usage on stderr', async () => {
    for (const argv of [[], ['--format', 'xml', dir], ['--url', 'https://x.example/a', dir, dir], ['--bogus', dir]]) {
      const out = capture();
      expect(await createExtractCommand(noFetch).run(argv, out.io)).toBe(2);
      expect(out.stdout()).toBe('');
      expect(out.stderr()).toContain('copydesk extract');
    }
  });

  it('derives ids from file names', () => {
    expect(pageId('/tmp/pages/0a12df.html')).toBe('0a12df');
    expect(pageId('story.HTM')).toBe('story');
  });
});
