import { decodeHTMLStrict } from 'entities';

import { FeedParseError, FeedParseErrorCode } from '../feed.exception';

/** An `<!ENTITY>` from the internal DTD subset. External ones are remembered only so their references vanish. */
export type EntityDeclaration = { readonly kind: 'internal'; readonly value: string } | { readonly kind: 'external' };

/** Shared state while decoding one document's character and entity references. */
export interface ReferenceContext {
  readonly declared: ReadonlyMap<string, EntityDeclaration>;
  report(message: string, offset: number): void;
  /** Characters that declared entities may still add; a quadratic blowup runs this out and is refused. */
  budget: number;
  /**
   * True when the DOCTYPE names an external DTD (never loaded): an unknown entity may be declared there, so
   * using one is not a well-formedness error (XML 1.0 §4.1, "Entity Declared").
   */
  externalDtd: boolean;
}

/** Total characters declared entities may expand to in one document. Legitimate feeds use a few bytes. */
export const ENTITY_EXPANSION_BUDGET = 1_000_000;

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// HTML 5 moved these two to other code points; feeds that use them were written against HTML 4 (as feedparser reads them).
const HTML4_OVERRIDES: Readonly<Record<string, string>> = { lang: '\u2329', rang: '\u232A' };

const REFERENCE = /&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z_:][\w.:-]*));/y;

/** The character an HTML named entity stands for (`nbsp` → U+00A0), or null when HTML has no such entity. */
export function htmlEntity(name: string): string | null {
  const override = HTML4_OVERRIDES[name];
  if (override !== undefined) return override;
  const reference = `&${name};`;
  const decoded = decodeHTMLStrict(reference);
  return decoded === reference ? null : decoded;
}

/** True for code points XML 1.0 allows in a document. */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Replaces character and entity references in text or an attribute value.
 * Never loads anything: predefined and declared internal entities expand (within the budget), HTML names are
 * accepted as a lenient reader would (but reported), external entities vanish, and unknown names stay literal.
 */
export function decodeReferences(raw: string, offset: number, ctx: ReferenceContext): string {
  if (!raw.includes('&')) return raw;
  let out = '';
  let from = 0;
  for (;;) {
    const amp = raw.indexOf('&', from);
    if (amp < 0) return out + raw.slice(from);
    out += raw.slice(from, amp);
    REFERENCE.lastIndex = amp;
    const match = REFERENCE.exec(raw);
    if (!match) {
      ctx.report('bare "&" is not a reference', offset + amp);
      out += '&';
      from = amp + 1;
      continue;
    }
    from = amp + match[0].length;
    const [, decimal, hex, name] = match;
    if (name === undefined) {
      out += characterReference(parseInt(decimal ?? hex ?? '', decimal !== undefined ? 10 : 16), offset + amp, ctx);
    } else {
      out += entityReference(name, offset + amp, ctx);
    }
  }
}

function characterReference(code: number, offset: number, ctx: ReferenceContext): string {
  if (!isXmlChar(code)) {
    ctx.report(`character reference to an illegal character (${code})`, offset);
    return '\uFFFD';
  }
  return String.fromCodePoint(code);
}

function entityReference(name: string, offset: number, ctx: ReferenceContext): string {
  const predefined = PREDEFINED[name];
  if (predefined !== undefined) return predefined;
  const declaration = ctx.declared.get(name);
  if (declaration?.kind === 'internal') {
    ctx.budget -= declaration.value.length;
    if (ctx.budget < 0) {
      throw new FeedParseError(FeedParseErrorCode.EntityRefused, 'entity expansion exceeds its budget');
    }
    return declaration.value;
  }
  if (declaration?.kind === 'external') {
    ctx.report(`external entity "${name}" not loaded`, offset);
    return '';
  }
  if (!ctx.externalDtd) ctx.report(`undefined entity "${name}"`, offset);
  return htmlEntity(name) ?? `&${name};`;
}
