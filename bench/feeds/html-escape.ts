/** Escapes text for HTML, as Go's html.EscapeString does (Miniflux shows plain-text bodies this way). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Markup to text as Miniflux's StripTags gives it: tags and comments dropped without leaving a space (the text
 * between them is joined as is: `with <b>markup</b>,` is `with markup,`), entities decoded. A `<` that opens no
 * tag (`5 < 8`) is text, as an HTML tokenizer reads it.
 */
export function stripTags(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<[!?/]?[a-zA-Z][^>]*>?/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED[ref.toLowerCase()] ?? whole;
    });
}

/** Markup to one line of text, as Miniflux's TruncateHTML reads it: StripTags, then whitespace collapsed. */
export function htmlToText(html: string): string {
  return stripTags(html).replace(/\s+/g, ' ').trim();
}
