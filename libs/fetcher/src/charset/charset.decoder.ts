import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { parseMediaType } from '../body/content-type.policy';
import { type Charset, resolveCharset } from './charset.labels';
import { looksLikeXml, sniffBom, sniffMetaCharset, sniffXmlEncoding } from './charset.sniffer';

/** Where the encoding of a decoded body came from. */
export type CharsetSource = 'header' | 'bom' | 'xml' | 'meta' | 'detected' | 'default';

/** A body decoded to a JS string, with the encoding used and how it was chosen. */
export interface DecodedBody {
  text: string;
  charset: string;
  source: CharsetSource;
}

// Detection reads a sample: enough for chardet's statistics, bounded so a 15 MiB page costs no more than a small one.
const DETECTION_SAMPLE_BYTES = 64 * 1024;
const WINDOWS_1252: Charset = { name: 'windows-1252', iconvName: 'windows-1252' };
const UTF_8: Charset = { name: 'utf-8', iconvName: 'utf-8' };

/**
 * Decodes a fetched body to text. The encoding is taken from, in order: a byte-order mark, the Content-Type
 * charset, the XML declaration, `<meta charset>` / `http-equiv` (HTML only, first 4 KB), then detection
 * (valid UTF-8, else chardet), else windows-1252. The BOM goes first, as in browsers: a BOM is never accidental,
 * while header charsets are often wrong. Labels follow the WHATWG Encoding Standard (ISO-8859-1 → windows-1252,
 * GB2312/GBK → GB18030, EUC-KR → windows-949...). Never throws on malformed bytes: they become U+FFFD.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string): DecodedBody {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { charset, source } = chooseCharset(buffer, contentType);
  return { text: withoutNul(iconv.decode(buffer, charset.iconvName, { stripBOM: true })), charset: charset.name, source };
}

/**
 * NUL characters removed: they are never text (browsers drop them from page text, XML forbids them) and PostgreSQL
 * refuses them in every text and jsonb value, so one stray NUL in a fetched page or feed would fail the job that
 * stores it, every time.
 */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

function chooseCharset(buffer: Buffer, contentType: string | undefined): { charset: Charset; source: CharsetSource } {
  const bom = sniffBom(buffer);
  if (bom) return { charset: resolveCharset(bom.label) ?? UTF_8, source: 'bom' };

  const mediaType = parseMediaType(contentType);
  const fromHeader = resolveCharset(mediaType?.params['charset']);
  if (fromHeader) return { charset: fromHeader, source: 'header' };

  const xml = looksLikeXml(buffer);
  if (xml) {
    const declared = resolveCharset(sniffXmlEncoding(buffer));
    if (declared) return { charset: asciiCompatible(declared, buffer), source: 'xml' };
  } else if (!isXmlMediaType(mediaType?.essence)) {
    const declared = resolveCharset(sniffMetaCharset(buffer));
    if (declared) return { charset: asciiCompatible(declared, buffer), source: 'meta' };
  }

  if (buffer.length === 0) return { charset: UTF_8, source: 'default' };
  if (isUtf8(buffer)) return { charset: UTF_8, source: 'detected' };
  const detected = detect(buffer);
  return detected ? { charset: detected, source: 'detected' } : { charset: WINDOWS_1252, source: 'default' };
}

/** A document that declares UTF-16 in ASCII bytes was transcoded and not re-labelled: it is UTF-8 (WHATWG). */
function asciiCompatible(declared: Charset, buffer: Buffer): Charset {
  if (!declared.name.startsWith('utf-16')) return declared;
  const utf16Xml = buffer[1] === 0x00 || buffer[0] === 0x00;
  return utf16Xml ? declared : UTF_8;
}

function isXmlMediaType(essence: string | undefined): boolean {
  return essence !== undefined && (essence.endsWith('/xml') || essence.endsWith('+xml')) && essence !== 'application/xhtml+xml';
}

function detect(buffer: Buffer): Charset | undefined {
  const sample = buffer.subarray(0, DETECTION_SAMPLE_BYTES);
  for (const match of chardet.analyse(sample)) {
    // Not UTF-8 (checked before), and UTF-16/32 guesses on bytes without a BOM are noise on web content.
    if (/^utf/i.test(match.name)) continue;
    const charset = resolveCharset(match.name);
    if (charset) return charset;
  }
  return undefined;
}
