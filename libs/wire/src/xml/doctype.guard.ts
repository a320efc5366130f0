import { WireParseError, WireParseErrorCode } from '../wire.exception';

const DOCTYPE = /<!DOCTYPE\b/i;

/**
 * Removes the DOCTYPE (never loaded: NITF files name a DTD out of habit) and refuses a document whose internal subset
 * declares entities: wire formats have no use for them, and declaring them is how entity bombs and external
 * entities (file://, SSRF) are built. Returns the text without the DOCTYPE.
 * @throws WireParseError WIRE_ENTITY_REFUSED
 */
export function stripDoctype(text: string): string {
  const match = DOCTYPE.exec(text);
  if (!match) return text;
  const start = match.index;
  const end = doctypeEnd(text, start + match[0].length);
  const doctype = text.slice(start, end);
  if (/<!ENTITY\b/i.test(doctype) || /%[\w.:-]+;/.test(doctype)) {
    throw new WireParseError(
      WireParseErrorCode.EntityRefused,
      'the document declares entities in its DTD; wire documents need none and they are never expanded: refused',
    );
  }
  return text.slice(0, start) + text.slice(end);
}

/** Offset just past the DOCTYPE's closing `>`, skipping quoted strings and the `[...]` internal subset. */
function doctypeEnd(text: string, from: number): number {
  let quote: string | null = null;
  let inSubset = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '[') {
      inSubset = true;
    } else if (ch === ']') {
      inSubset = false;
    } else if (ch === '>' && !inSubset) {
      return i + 1;
    }
  }
  return text.length;
}
