import { FeedParseError, FeedParseErrorCode } from '../feed.exception';
import type { EntityDeclaration } from './xml-reference.decoder';
import { isXmlChar } from './xml-reference.decoder';

/** What a DOCTYPE contributes: its header text and the entities its internal subset declares. */
export interface ScannedDoctype {
  /** Offset just past the closing `>`. */
  readonly end: number;
  /** Text between `<!DOCTYPE` and `[`/`>`, e.g. ` rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "…"`. */
  readonly header: string;
  readonly entities: Map<string, EntityDeclaration>;
  readonly unterminated: boolean;
  /** The DOCTYPE refers to an external subset or parameter entities, which may declare more entities. */
  readonly external: boolean;
}

const NESTED_REFERENCE = /&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|(?:amp|lt|gt|quot|apos);)[A-Za-z_:][\w.:-]*;/;

/**
 * Reads a DOCTYPE starting at `start` (which points at `<!DOCTYPE`) without loading anything it names.
 * Parameter entities and external DTDs are skipped; general entities whose values reference other entities
 * (the billion-laughs shape) make the whole document refused.
 */
export function scanDoctype(text: string, start: number): ScannedDoctype {
  const entities = new Map<string, EntityDeclaration>();
  let i = start + '<!DOCTYPE'.length;
  const headerStart = i;
  i = skipQuotedUntil(text, i, '[>');
  const header = text.slice(headerStart, i);
  let external = /\b(PUBLIC|SYSTEM)\b/.test(header);
  if (i >= text.length) return { end: text.length, header, entities, unterminated: true, external };
  if (text[i] === '>') return { end: i + 1, header, entities, unterminated: false, external };

  i += 1; // past '['
  while (i < text.length) {
    const ch = text[i];
    if (ch === ']') {
      const close = text.indexOf('>', i);
      return close < 0
        ? { end: text.length, header, entities, unterminated: true, external }
        : { end: close + 1, header, entities, unterminated: false, external };
    }
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      i = close < 0 ? text.length : close + 3;
    } else if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (text.startsWith('<!ENTITY', i)) {
      const end = skipQuotedUntil(text, i, '>');
      readEntity(text.slice(i + '<!ENTITY'.length, end), entities);
      i = end + 1;
    } else if (text.startsWith('<!', i)) {
      i = skipQuotedUntil(text, i, '>') + 1;
    } else {
      if (text[i] === '%') external = true;
      i += 1;
    }
  }
  return { end: text.length, header, entities, unterminated: true, external };
}

/** Index of the first char of `stops` outside quotes, or text.length. */
function skipQuotedUntil(text: string, from: number, stops: string): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (stops.includes(ch)) {
      return i;
    }
  }
  return text.length;
}

const ENTITY_DECLARATION = /^\s+(%\s+)?([^\s%"']+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b)/;

function readEntity(body: string, entities: Map<string, EntityDeclaration>): void {
  const match = ENTITY_DECLARATION.exec(body);
  if (!match) return;
  const [, parameter, name, doubleQuoted, singleQuoted] = match;
  // Parameter entities only matter inside a DTD, which is never loaded; first declaration wins (XML 1.0 §4.2).
  if (parameter !== undefined || name === undefined || entities.has(name)) return;
  const literal = doubleQuoted ?? singleQuoted;
  if (literal === undefined) {
    entities.set(name, { kind: 'external' });
    return;
  }
  if (NESTED_REFERENCE.test(literal)) {
    throw new FeedParseError(
      FeedParseErrorCode.EntityRefused,
      `entity "${name}" refers to other entities; nested entity declarations are refused`,
    );
  }
  entities.set(name, { kind: 'internal', value: expandLiteral(literal) });
}

/** Character references and the predefined entities expand when the declaration is read. */
function expandLiteral(literal: string): string {
  return literal.replace(/&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (_, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name] ?? '';
    const code = parseInt(dec ?? hex ?? '', dec !== undefined ? 10 : 16);
    return isXmlChar(code) ? String.fromCodePoint(code) : '\uFFFD';
  });
}
