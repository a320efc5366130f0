import { Parser } from 'htmlparser2';
import { HTML_BLOCK_TAGS } from './html-block-tags';

const HTML_MARKUP = /<\/?(?:p|div|br|h[1-6]|ul|ol|li|blockquote|figure|table|section|article|a|em|strong|b|i|span)\b[^>]*>/i;

/** True when a body string is HTML markup rather than plain text (CMS pushes and JSON inputs send either). */
export function looksLikeHtml(body: string): boolean {
  return HTML_MARKUP.test(body);
}

/** Their text is never reader-visible prose. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math']);

/**
 * Plain text of an HTML fragment with a line break between blocks (paragraphs, headings, list items, cells), so
 * neighbouring blocks never fuse into one word. Streams through htmlparser2: no tree, bounded memory on any input.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let skipping = 0;
  const breakLine = (): void => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (HTML_BLOCK_TAGS.has(name)) breakLine();
      },
      ontext(text) {
        if (skipping === 0) line += text;
      },
      onclosetag(name, implied) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (HTML_BLOCK_TAGS.has(name) && !(implied && name === 'br')) breakLine();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  breakLine();
  return lines.join('\n');
}
