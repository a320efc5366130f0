/** A `<blockquote>` of the body HTML: its text and the citation it carries, if any. */
export interface BlockQuote {
  text: string;
  cite?: string;
}

const BLOCK = /<blockquote\b[^>]*>([\s\S]*?)<\/blockquote>/gi;
const CITE = /<(?:cite|footer|figcaption)\b[^>]*>([\s\S]*?)<\/(?:cite|footer|figcaption)>/i;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  mdash: '—',
  ndash: '–',
  hellip: '…',
};

/**
 * Block quotes of a sanitized body: quoted text set apart from the paragraphs, often with its speaker in a
 * `<cite>`/`<footer>` or a closing "— Name" line. Embedded posts (tweets) are block quotes too.
 */
export function findBlockQuotes(html: string): BlockQuote[] {
  const quotes: BlockQuote[] = [];
  for (const m of html.matchAll(BLOCK)) {
    let inner = m[1];
    let cite: string | undefined;
    const c = CITE.exec(inner);
    if (c) {
      cite = plain(c[1]).replace(/^[—–-]\s*/, '') || undefined;
      inner = inner.replace(CITE, ' ');
    }
    let text = plain(inner.replace(/<\/(?:p|div|li)>|<br\s*\/?>/gi, '\n'));
    const dash = /\n\s*[—–-]\s*([^\n]{1,80})$/.exec(text);
    if (dash && !cite) {
      cite = dash[1].trim();
      text = text.slice(0, dash.index).trim();
    }
    text = text
      .replace(/^[“"]\s*/, '')
      .replace(/\s*[”"]$/, '')
      .trim();
    if (text) quotes.push({ text, cite });
  }
  return quotes;
}

function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (all, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? all;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
