import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import { constants as zlibConstants, createBrotliDecompress, createGunzip, createUnzip } from 'node:zlib';
import { FetchError, FetchErrorCode } from '../fetch.error';

/** Options for {@link readBody}. */
export interface ReadBodyOptions {
  /** Cap on the raw body and on the output of every decompression layer. */
  maxBytes: number;
  /** The response's Content-Encoding header, e.g. `gzip` or `gzip, br`. */
  contentEncoding?: string;
  /** Stop quietly at the cap and return what was read (robots.txt), instead of failing with `too-large`. */
  truncate?: boolean;
  /** More layers than this is an attack, not a server: refused. */
  maxEncodingLayers?: number;
  url?: string;
}

type Encoding = 'gzip' | 'deflate' | 'br';

/**
 * Reads a response body through its Content-Encoding layers, counting bytes after every layer so a decompression
 * bomb is stopped at the cap after producing at most one zlib chunk more than the cap (not after inflating fully).
 */
export async function readBody(body: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const encodings = parseContentEncoding(options.contentEncoding, options.maxEncodingLayers ?? 3, options.url);
  // When truncating, the reader stops at maxBytes itself; the caps stay as a backstop with room for one more chunk.
  const cap = options.truncate ? options.maxBytes * 2 + 64 * 1024 : options.maxBytes;
  const stages: Transform[] = [new ByteCap(cap, 'raw body', options.url)];
  // Encodings are listed in the order they were applied, so they are undone from last to first.
  for (const encoding of [...encodings].reverse()) {
    stages.push(createDecoder(encoding), new ByteCap(cap, `body after ${encoding}`, options.url));
  }

  const chunks: Buffer[] = [];
  let total = 0;
  // pipeline() destroys every stage (and so the socket) when any stage fails or the reader stops early.
  const output: Readable = stages[stages.length - 1] ?? body;
  pipeline([body, ...stages], () => undefined);
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      if (options.truncate && total + chunk.length >= options.maxBytes) {
        chunks.push(chunk.subarray(0, options.maxBytes - total));
        total = options.maxBytes;
        break;
      }
      chunks.push(chunk);
      total += chunk.length;
    }
  } catch (err) {
    throw wrapStreamError(err, options.url);
  } finally {
    output.destroy();
  }
  return Buffer.concat(chunks, total);
}

/** Splits a Content-Encoding header into known encodings; `identity` layers are dropped. */
export function parseContentEncoding(header: string | undefined, maxLayers: number, url?: string): Encoding[] {
  if (!header) return [];
  const encodings: Encoding[] = [];
  for (const token of header.split(',')) {
    const name = token.trim().toLowerCase();
    if (name === '' || name === 'identity') continue;
    if (name === 'gzip' || name === 'x-gzip') encodings.push('gzip');
    else if (name === 'deflate') encodings.push('deflate');
    else if (name === 'br') encodings.push('br');
    else throw new FetchError(FetchErrorCode.BadResponse, `unsupported Content-Encoding ${name}`, { url });
  }
  if (encodings.length > maxLayers) {
    throw new FetchError(FetchErrorCode.BadResponse, `${encodings.length} Content-Encoding layers`, { url });
  }
  return encodings;
}

function createDecoder(encoding: Encoding): Transform {
  // SYNC_FLUSH: accept truncated streams as browsers do; a cut-off gzip tail is common and harmless.
  const flush = { flush: zlibConstants.Z_SYNC_FLUSH, finishFlush: zlibConstants.Z_SYNC_FLUSH };
  switch (encoding) {
    case 'gzip':
      return createGunzip(flush);
    case 'deflate':
      // Unzip auto-detects zlib-wrapped deflate (what "deflate" means) and tolerates servers that send gzip.
      return createUnzip(flush);
    case 'br':
      return createBrotliDecompress({
        flush: zlibConstants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlibConstants.BROTLI_OPERATION_FLUSH,
      });
  }
}

/** Passes bytes through until the running total passes the cap, then fails the whole pipeline. */
class ByteCap extends Transform {
  private seen = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly what: string,
    private readonly url?: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.maxBytes) {
      callback(new FetchError(FetchErrorCode.TooLarge, `${this.what} exceeds ${this.maxBytes} bytes`, { url: this.url }));
      return;
    }
    callback(null, chunk);
  }
}

function wrapStreamError(err: unknown, url?: string): unknown {
  if (err instanceof FetchError) return err;
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  if (code.startsWith('Z_') || code === 'ERR_BROTLI_DECOMPRESSION_FAILED' || code.startsWith('ERR__ERROR')) {
    return new FetchError(FetchErrorCode.BadResponse, 'corrupt compressed body', { url, cause: err });
  }
  return err;
}
