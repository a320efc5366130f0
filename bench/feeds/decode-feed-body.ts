import chardet from 'chardet';
import iconv from 'iconv-lite';
import { TextDecoder } from 'node:util';

/**
 * Bytes → text for the conformance runner, as a feed reader must decode them (RFC 3023 + XML 1.0 appendix F):
 * BOM, then the HTTP charset or the XML declaration depending on the media type, then sniffing and fallbacks.
 * The production decoder lives in @copydesk/fetcher; this one exists so the bench needs no network stack.
 */
export interface DecodedBody {
  readonly text: string;
  /** The encoding used, as declared (lowercased) or as sniffed (chardet's name); '' when nothing worked. */
  readonly encoding: string;
  /** True when the declared encoding was wrong, missing where required, or the media type is not XML. */
  readonly suspicious: boolean;
}

export interface DecodeOptions {
  /** The HTTP Content-Type header; undefined when the bytes did not come over HTTP. */
  readonly contentType?: string;
  /** True when the bytes came over HTTP (a missing Content-Type then means something). */
  readonly http: boolean;
}

const UTF16_FAMILY = new Set([
  'u16',
  'utf-16',
  'utf16',
  'utf_16',
  'u32',
  'utf-32',
  'utf32',
  'utf_32',
  'iso-10646-ucs-2',
  'iso-10646-ucs-4',
  'csucs4',
  'csunicode',
  'ucs-2',
  'ucs-4',
]);

function sniffBom(bytes: Buffer): { encoding: string; skip: number } {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0x00 && b(1) === 0x00 && b(2) === 0xfe && b(3) === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0x00 && b(3) === 0x00) return { encoding: 'utf-32le', skip: 4 };
  if (b(0) === 0xfe && b(1) === 0xff && !(b(2) === 0 && b(3) === 0)) return { encoding: 'utf-16be', skip: 2 };
  if (b(0) === 0xff && b(1) === 0xfe && !(b(2) === 0 && b(3) === 0)) return { encoding: 'utf-16le', skip: 2 };
  if (b(0) === 0xef && b(1) === 0xbb && b(2) === 0xbf) return { encoding: 'utf-8', skip: 3 };
  // No BOM: '<?xm' in a non-ASCII-compatible encoding still tells the family.
  const head = bytes.subarray(0, 4).toString('hex');
  const markers: Record<string, string> = {
    '4c6fa794': 'cp037',
    '003c003f': 'utf-16be',
    '3c003f00': 'utf-16le',
    '0000003c': 'utf-32be',
    '3c000000': 'utf-32le',
  };
  return { encoding: markers[head] ?? '', skip: 0 };
}

function decodeUtf32(bytes: Buffer, bigEndian: boolean): string {
  if (bytes.length % 4 !== 0) throw new RangeError('truncated UTF-32');
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const code = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new RangeError('invalid UTF-32');
    out += String.fromCodePoint(code);
  }
  return out;
}

// Bytes Python's cp1252 codec refuses (undefined in Windows-1252).
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Strict decode: throws when the bytes are not valid in `encoding` (or the encoding is unknown). */
export function strictDecode(bytes: Buffer, encoding: string): string {
  const name = encoding.toLowerCase().replace(/_/g, '-');
  if (name === 'us-ascii' || name === 'ascii') {
    if (bytes.some((b) => b > 0x7f)) throw new RangeError('not ASCII');
    return bytes.toString('latin1');
  }
  if (name === 'iso-8859-1' || name === 'latin-1' || name === 'latin1' || name === 'l1') return bytes.toString('latin1');
  if (name === 'utf-32be' || name === 'utf-32le') return decodeUtf32(bytes, name.endsWith('be'));
  if (name === 'utf-32') return decodeUtf32(bytes, true);
  if (name === 'utf-16') {
    // Python's utf-16 codec: a BOM picks the byte order, else little-endian.
    const bigEndian = bytes[0] === 0xfe && bytes[1] === 0xff;
    const skip = bigEndian || (bytes[0] === 0xff && bytes[1] === 0xfe) ? 2 : 0;
    return new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le', { fatal: true }).decode(bytes.subarray(skip));
  }
  if ((name === 'windows-1252' || name === 'cp1252') && bytes.some((b) => CP1252_UNDEFINED.has(b))) {
    throw new RangeError('undefined in windows-1252');
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(name, { fatal: true });
  } catch (err) {
    // Labels the WHATWG set lacks (cp037, …): iconv-lite cannot refuse bad bytes, so it is the last resort.
    if (iconv.encodingExists(name)) return iconv.decode(bytes, name);
    throw err;
  }
  return decoder.decode(bytes);
}

function parseContentType(header: string): { mime: string; charset: string } {
  const [mime = '', ...params] = header.split(';');
  let charset = '';
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    if (param.slice(0, eq).trim().toLowerCase() === 'charset')
      charset = param
        .slice(eq + 1)
        .trim()
        .replace(/^["']|["']$/g, '');
  }
  return { mime: mime.trim().toLowerCase(), charset };
}

/** The encoding the XML declaration names (read as the BOM says, else as Latin-1), lower-cased; '' for none. */
function declaredEncoding(data: Buffer, bomEncoding: string | undefined): string {
  try {
    // Only the declaration matters here, so a sequence cut at the sample's end must not spoil it.
    const sample = data.subarray(0, 4096);
    const head = !bomEncoding
      ? sample.toString('latin1')
      : bomEncoding.startsWith('utf-32')
        ? strictDecode(sample, bomEncoding)
        : iconv.decode(sample, bomEncoding);
    const match = /^<\?[^\n]*?encoding=["']([^"']*)["'][^\n]*?\?>/.exec(head);
    return match ? match[1].toLowerCase() : '';
  } catch {
    return '';
  }
}

/** The encoding the media type's rules choose, and whether the media type is an acceptable one for a feed. */
function chooseEncoding(data: Buffer, declared: string, options: DecodeOptions): { chosen: string; acceptable: boolean } {
  const { mime, charset } = parseContentType(options.contentType ?? '');
  const looksJson = data.toString('latin1', 0, 64).trimStart().startsWith('{');
  if (
    ['application/xml', 'application/xml-dtd', 'application/xml-external-parsed-entity'].includes(mime) ||
    (mime.startsWith('application/') && mime.endsWith('+xml'))
  )
    return { acceptable: true, chosen: charset || declared || 'utf-8' };
  if (['text/xml', 'text/xml-external-parsed-entity'].includes(mime) || (mime.startsWith('text/') && mime.endsWith('+xml')))
    return { acceptable: true, chosen: charset || 'us-ascii' };
  if (mime === 'application/feed+json' || mime === 'application/json' || (!mime && looksJson))
    return { acceptable: true, chosen: charset || 'utf-8' };
  if (mime.startsWith('text/')) return { acceptable: false, chosen: charset || 'us-ascii' };
  if (options.http && options.contentType === undefined) return { acceptable: false, chosen: declared || 'iso-8859-1' };
  return { acceptable: false, chosen: declared || 'utf-8' };
}

/** Decodes a feed document; see DecodedBody. Never throws. */
export function decodeFeedBody(raw: Buffer, options: DecodeOptions): DecodedBody {
  const bom = sniffBom(raw);
  const data = raw.subarray(bom.skip);
  let declared = declaredEncoding(data, bom.encoding);
  if (bom.encoding && UTF16_FAMILY.has(declared)) declared = bom.encoding;
  const choice = chooseEncoding(data, declared, options);
  let chosen = choice.chosen;
  if (chosen.toLowerCase() === 'gb2312') chosen = 'gb18030';
  if (declared === 'gb2312') declared = 'gb18030';

  let suspicious = options.http && !choice.acceptable;
  const sniffed = (): string => chardet.detect(data) ?? '';
  const tried = new Set<string>();
  for (const candidate of [chosen, declared, bom.encoding, sniffed, 'utf-8', 'windows-1252', 'iso-8859-2']) {
    const encoding = typeof candidate === 'function' ? candidate() : candidate;
    if (!encoding || tried.has(encoding)) continue;
    tried.add(encoding);
    let text: string;
    try {
      text = strictDecode(data, encoding);
    } catch {
      continue;
    }
    if (encoding !== chosen) suspicious = true;
    return { text, encoding, suspicious };
  }
  return { text: data.toString('latin1'), encoding: '', suspicious: true };
}
