import { Readable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { FetchError, FetchErrorCode } from '../fetch.error';
import { parseContentEncoding, readBody } from './body.reader';

const text = 'The night editor filed the story at 23:58. '.repeat(200);

function streamOf(bytes: Buffer, chunkSize = 1000): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

async function errorOf(promise: Promise<unknown>): Promise<FetchError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(err)}`);
  return err;
}

describe('readBody', () => {
  it.each([
    ['', Buffer.from(text)],
    ['identity', Buffer.from(text)],
    ['gzip', gzipSync(text)],
    ['x-gzip', gzipSync(text)],
    ['deflate', deflateSync(text)],
    ['br', brotliCompressSync(text)],
    ['gzip, br', brotliCompressSync(gzipSync(text))],
    ['GZIP , identity', gzipSync(text)],
  ])('undoes Content-Encoding %j', async (encoding, body) => {
    const bytes = await readBody(streamOf(body), { maxBytes: 1024 * 1024, contentEncoding: encoding });
    expect(bytes.toString()).toBe(text);
  });

  it('tolerates a truncated gzip stream, as browsers do', async () => {
    const full = gzipSync(text);
    const bytes = await readBody(streamOf(full.subarray(0, full.length - 8)), { maxBytes: 1024 * 1024, contentEncoding: 'gzip' });
    expect(bytes.toString()).toBe(text);
  });

  it('caps the raw body', async () => {
    const error = await errorOf(readBody(streamOf(Buffer.from(text)), { maxBytes: 1000 }));
    expect(error.code).toBe(FetchErrorCode.TooLarge);
    expect(error.message).toContain('raw body');
  });

  it('caps each decompressed layer', async () => {
    const error = await errorOf(readBody(streamOf(gzipSync(text)), { maxBytes: 1000, contentEncoding: 'gzip' }));
    expect(error.code).toBe(FetchErrorCode.TooLarge);
    expect(error.message).toContain('after gzip');
  });

  it('accepts a body exactly at the cap', async () => {
    const bytes = await readBody(streamOf(Buffer.from(text)), { maxBytes: text.length });
    expect(bytes.length).toBe(text.length);
  });

  it('truncates instead of failing when asked', async () => {
    const bytes = await readBody(streamOf(gzipSync(text)), { maxBytes: 500, contentEncoding: 'gzip', truncate: true });
    expect(bytes.toString()).toBe(text.slice(0, 500));
  });

  it('reports corrupt compressed data as a bad response', async () => {
    expect((await errorOf(readBody(streamOf(Buffer.from('not gzip')), { maxBytes: 1000, contentEncoding: 'gzip' }))).code).toBe(
      FetchErrorCode.BadResponse,
    );
    expect((await errorOf(readBody(streamOf(Buffer.from('not brotli at all')), { maxBytes: 1000, contentEncoding: 'br' }))).code).toBe(
      FetchErrorCode.BadResponse,
    );
  });
});

describe('parseContentEncoding', () => {
  it('refuses unknown encodings and too many layers', () => {
    expect(() => parseContentEncoding('compress', 3)).toThrow(FetchError);
    expect(() => parseContentEncoding('gzip, gzip, gzip, gzip', 3)).toThrow('4 Content-Encoding layers');
    expect(parseContentEncoding('gzip, gzip, gzip', 3)).toEqual(['gzip', 'gzip', 'gzip']);
    expect(parseContentEncoding(undefined, 3)).toEqual([]);
  });
});
