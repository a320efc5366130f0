/** How far into a document an encoding declaration is looked for (WHATWG uses 1024; real pages need more). */
export const DECLARATION_SCAN_BYTES = 4096;

/** A byte-order mark, if any: the encoding it announces and its length in bytes. */
export function sniffBom(bytes: Uint8Array): { label: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', length: 2 };
  return undefined;
}

/** True when the body opens with an XML declaration (in an ASCII-compatible encoding or UTF-16 without BOM). */
export function looksLikeXml(bytes: Uint8Array): boolean {
  return sniffUtf16Xml(bytes) !== undefined || /^\s*<\?xml[\s?]/.test(latin1(bytes, 64));
}

/**
 * The encoding named by an XML declaration (`<?xml version="1.0" encoding="KOI8-R"?>`), or UTF-16 when the
 * declaration itself is written in UTF-16 without a BOM.
 */
export function sniffXmlEncoding(bytes: Uint8Array): string | undefined {
  const utf16 = sniffUtf16Xml(bytes);
  if (utf16) return utf16;
  const head = latin1(bytes, 512);
  const match = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._:-]*)["']/.exec(head);
  return match?.[1];
}

/**
 * The encoding named by `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">` within
 * the first {@link DECLARATION_SCAN_BYTES}, skipping comments: a simplified WHATWG prescan.
 */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes, DECLARATION_SCAN_BYTES).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const metaTag = /<meta(?=[\s/])([^>]*)>?/gi;
  for (let tag = metaTag.exec(head); tag; tag = metaTag.exec(head)) {
    const attributes = parseAttributes(tag[1] ?? '');
    const charset = attributes.get('charset');
    if (charset) return charset;
    const content = attributes.get('content');
    if (content && attributes.get('http-equiv')?.toLowerCase() === 'content-type') {
      const fromContent = charsetFromContent(content);
      if (fromContent) return fromContent;
    }
  }
  return undefined;
}

/** `text/html; charset="utf-8"` → `utf-8` (the WHATWG "extract a character encoding from a meta element"). */
export function charsetFromContent(content: string): string | undefined {
  const match = /charset\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s;"']+))/i.exec(content);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value?.trim() || undefined;
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const attribute = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let match = attribute.exec(text); match; match = attribute.exec(text)) {
    const name = (match[1] ?? '').toLowerCase();
    // The first occurrence of an attribute wins, as in HTML parsing.
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

function sniffUtf16Xml(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  return undefined;
}

function latin1(bytes: Uint8Array, limit: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, limit)).toString('latin1');
}
