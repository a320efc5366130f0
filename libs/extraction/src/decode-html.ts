import { detect } from 'chardet';
import iconv from 'iconv-lite';

/** A decoded page and the charset used. */
export interface DecodedHtml {
  readonly html: string;
  readonly charset: string;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
const HEADER_CHARSET = /charset\s*=\s*["']?\s*([\w.:-]+)/i;

function normalizeCharset(name: string | undefined): string | null {
  if (name === undefined) return null;
  const lower = name.trim().toLowerCase();
  // WHATWG maps these labels to windows-1252; iconv-lite knows both, but 1252 is what browsers use.
  if (lower === 'iso-8859-1' || lower === 'latin1' || lower === 'us-ascii' || lower === 'ascii') return 'windows-1252';
  return iconv.encodingExists(lower) ? lower : null;
}

function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes page bytes the way a browser would, near enough: BOM, then
 * valid UTF-8, then the Content-Type header's charset or `<meta charset>` in the first 4 KB, then a statistical guess.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): DecodedHtml {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { html: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const charset = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { html: iconv.decode(Buffer.from(bytes.subarray(2)), charset), charset };
  }
  const declared =
    normalizeCharset(contentType === undefined ? undefined : HEADER_CHARSET.exec(contentType)?.[1]) ??
    normalizeCharset(META_CHARSET.exec(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))?.[1]);
  // Valid UTF-8 with non-ASCII bytes is almost never an accident, while mislabelled pages are common.
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null) return { html: utf8, charset: 'utf-8' };
  if (declared === null || declared === 'utf-8' || declared === 'utf8') {
    const guess = normalizeCharset(detect(bytes) ?? undefined) ?? 'windows-1252';
    return { html: iconv.decode(Buffer.from(bytes), guess), charset: guess };
  }
  return { html: iconv.decode(Buffer.from(bytes), declared), charset: declared };
}
