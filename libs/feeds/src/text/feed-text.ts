import { decodeHTML } from 'entities';

import { HTML_ELEMENTS } from '../html/html-allowlist';
import { demoronize } from '../html/windows-1252';
import { htmlEntity } from '../xml/xml-reference.decoder';

export const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

/** Atom's short type names and a few sloppy variants → MIME types. */
export function mapContentType(type: string): string {
  const lower = type.trim().toLowerCase();
  if (lower === 'text' || lower === 'plain') return 'text/plain';
  if (lower === 'html') return 'text/html';
  if (lower === 'xhtml') return 'application/xhtml+xml';
  return lower;
}

/**
 * Whether text that claims to be plain (RSS titles, descriptions some feeds mark `text/plain`) is really HTML.
 * Errs on the side of plain text: it needs a close tag or an entity, and every tag and entity must be HTML's.
 */
export function looksLikeHtml(text: string): boolean {
  if (!/<\/\w+>/.test(text) && !/&#?\w+;/.test(text)) return false;
  for (const [, tag = ''] of text.matchAll(/<\/?(\w+)/g)) if (!HTML_ELEMENTS.has(tag.toLowerCase())) return false;
  for (const [, name = ''] of text.matchAll(/&(\w+);/g)) if (htmlEntity(name) === null && name !== 'apos') return false;
  return true;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Base64 text decoded as UTF-8, or null when it is not valid base64 of UTF-8 text. */
export function decodeBase64Text(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  try {
    return utf8.decode(Buffer.from(compact, 'base64'));
  } catch {
    return null;
  }
}

/**
 * Repairs the two encoding accidents feeds commonly carry: UTF-8 that was decoded as Latin-1 somewhere upstream
 * (`donâ€™t`, `&#226;&#128;&#166;`), and C1 control characters meant as Windows-1252 punctuation.
 * The UTF-8 repair only applies when the whole string re-decodes cleanly, so genuine Latin-1 text is left alone.
 */
export function repairText(text: string): string {
  let repaired = text;
  if (/[\u0080-\u00ff]/.test(text) && !/[^\u0000-\u00ff]/.test(text)) {
    try {
      repaired = utf8.decode(Buffer.from(text, 'latin1'));
    } catch {
      repaired = text;
    }
  }
  return demoronize(repaired);
}

/** Collapses runs of ASCII white space and trims (a no-break space is content, not layout). */
export function squash(text: string): string {
  const collapsed = /[\t\n\r\f\v]| {2}/.test(text) ? text.replace(/[ \t\n\r\f\v]+/g, ' ') : text;
  let start = 0;
  let end = collapsed.length;
  while (start < end && collapsed.charCodeAt(start) === 32) start++;
  while (end > start && collapsed.charCodeAt(end - 1) === 32) end--;
  return start === 0 && end === collapsed.length ? collapsed : collapsed.slice(start, end);
}

const BLOCK_TAG = /<\/?(?:p|div|br|li|h\d|tr|td|th|blockquote|pre|ul|ol|dd|dt|figcaption)\b[^>]*>/gi;

/** Plain text of sanitized markup: tags dropped (block boundaries become spaces), entities decoded. */
export function markupToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return squash(html);
  const text = html.replace(BLOCK_TAG, ' ').replace(/<[^>]*>/g, '');
  return squash(text.includes('&') ? decodeHTML(text) : text);
}

/** Escapes plain text for embedding in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
