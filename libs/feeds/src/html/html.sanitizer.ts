import { safeJoinUrl } from '../url.resolver';
import { htmlEntity } from '../xml/xml-reference.decoder';
import { isSpace } from '../xml/xml.parser';
import { sanitizeStyle } from './css.sanitizer';
import {
  CODE_ELEMENTS,
  HTML_ATTRIBUTES,
  HTML_ELEMENTS,
  MATHML_ATTRIBUTES,
  MATHML_ELEMENTS,
  MATHML_NAMESPACE,
  SVG_ATTRIBUTES,
  SVG_ELEMENTS,
  SVG_NAMESPACE,
  URL_ATTRIBUTES,
  VOID_ELEMENTS,
  XLINK_NAMESPACE,
} from './html-allowlist';
import { WINDOWS_1252_C1 } from './windows-1252';

export interface FeedHtmlSanitizeOptions {
  /** Base URL for relative `href`/`src`/… values ('' leaves them relative). */
  readonly base: string;
  /** True for XHTML (`<p/>` closes itself); false for HTML, where `/>` on a non-void element is ignored. */
  readonly xhtml: boolean;
}

type Attribute = [name: string, value: string];

const TAG_NAME = /[a-zA-Z][-_.:a-zA-Z0-9]*/y;
const ATTRIBUTE_NAME = /[^\s"'>/=<]+/y;
const SPACE = /\s*/y;

/**
 * Cleans one HTML fragment from a feed and makes its URLs absolute, streaming token by token (no tree, so no
 * recursion on hostile nesting). Text passes through as written, entity references included, so the result
 * differs from the input only where markup was unsafe, relative or untidy: tags are lowercased, attributes
 * sorted, quoted with `"` and escaped, void elements written `<br />`; script/style, event handlers, comments
 * and `javascript:` URLs are dropped.
 */
export function sanitizeHtml(html: string, options: FeedHtmlSanitizeOptions): string {
  return new HtmlSanitizer(html.replace(/<!\[CDATA\[/g, '&lt;![CDATA['), options).run();
}

class HtmlSanitizer {
  private readonly out: string[] = [];
  private pos = 0;
  /** Open script/style/applet elements: their text is dropped. */
  private insideCode = 0;
  private mathml = 0;
  private svg = 0;

  constructor(
    private readonly html: string,
    private readonly options: FeedHtmlSanitizeOptions,
  ) {}

  run(): string {
    const { html } = this;
    while (this.pos < html.length) {
      const lt = html.indexOf('<', this.pos);
      const end = lt < 0 ? html.length : lt;
      if (end > this.pos) this.text(html.slice(this.pos, end));
      if (lt < 0) break;
      this.pos = lt;
      this.markup();
    }
    return this.out.join('').trim().replace(/\r\n/g, '\n');
  }

  private text(raw: string): void {
    if (this.insideCode === 0) this.out.push(normalizeReferences(raw));
  }

  private markup(): void {
    const { html } = this;
    const at = this.pos;
    if (html.startsWith('<!--', at)) {
      const close = html.indexOf('-->', at + 4);
      const fallback = close < 0 ? html.indexOf('>', at + 4) : -1;
      // An unclosed comment swallows the rest: re-emitting it could smuggle markup past the sanitizer.
      this.pos = close >= 0 ? close + 3 : fallback >= 0 ? fallback + 1 : html.length;
    } else if (/^<!doctype/i.test(html.slice(at, at + 9)) || html.startsWith('<?', at)) {
      const close = html.indexOf('>', at);
      this.pos = close < 0 ? html.length : close + 1;
    } else if (html.startsWith('<!', at)) {
      this.text('&lt;!');
      this.pos = at + 2;
    } else if (html[at + 1] === '/' && /[a-zA-Z]/.test(html[at + 2] ?? '')) {
      TAG_NAME.lastIndex = at + 2;
      const name = TAG_NAME.exec(html)![0].toLowerCase();
      const close = html.indexOf('>', TAG_NAME.lastIndex);
      this.pos = close < 0 ? html.length : close + 1;
      this.endTag(name);
    } else if (/[a-zA-Z]/.test(html[at + 1] ?? '')) {
      this.startTagAt(at);
    } else {
      this.text('<');
      this.pos = at + 1;
    }
  }

  private startTagAt(at: number): void {
    const { html } = this;
    TAG_NAME.lastIndex = at + 1;
    const name = TAG_NAME.exec(html)![0].toLowerCase();
    let j = TAG_NAME.lastIndex;
    const attrs: Attribute[] = [];
    let selfClosing = false;
    for (;;) {
      j = this.skipSpace(j);
      const ch = html[j];
      if (ch === undefined || ch === '<') break;
      if (ch === '>') {
        j++;
        break;
      }
      if (ch === '/') {
        j++;
        if (html[j] === '>') {
          selfClosing = true;
          j++;
          break;
        }
        continue;
      }
      j = this.attributeAt(j, attrs);
    }
    this.pos = j;
    this.startTag(name, attrs);
    // `<p/>` closes itself in XHTML; in HTML only an attribute-less `<p/>` is taken as an empty element.
    if (selfClosing && (this.options.xhtml || attrs.length === 0)) this.endTag(name);
  }

  private skipSpace(at: number): number {
    SPACE.lastIndex = at;
    SPACE.exec(this.html);
    return SPACE.lastIndex;
  }

  /** Reads the attribute at `at` (or skips a stray character) into `attrs`; returns where the tag goes on. */
  private attributeAt(at: number, attrs: Attribute[]): number {
    const { html } = this;
    ATTRIBUTE_NAME.lastIndex = at;
    const attrName = ATTRIBUTE_NAME.exec(html)?.[0];
    if (!attrName) return at + 1;
    const nameEnd = ATTRIBUTE_NAME.lastIndex;
    const equals = this.skipSpace(nameEnd);
    if (html[equals] !== '=') {
      attrs.push([attrName, attrName]); // HTML minimized attribute: <input checked>
      return nameEnd;
    }
    const { value, end } = this.attributeValueAt(this.skipSpace(equals + 1));
    attrs.push([attrName, value.replace(/&#39;/g, "'").replace(/&#34;/g, '"')]);
    return end;
  }

  /** A quoted value (an unclosed quote runs to the next `>`) or an unquoted one (to a space or `>`). */
  private attributeValueAt(at: number): { value: string; end: number } {
    const { html } = this;
    const quote = html[at];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, at + 1);
      const end = close < 0 ? Math.max(html.indexOf('>', at + 1), at + 1) : close;
      return { value: html.slice(at + 1, end), end: close < 0 ? end : close + 1 };
    }
    let end = at;
    while (end < html.length && !isSpace(html.charCodeAt(end)) && html.charCodeAt(end) !== 62) end++;
    return { value: html.slice(at, end), end };
  }

  private startTag(tag: string, rawAttrs: Attribute[]): void {
    let attrs = rawAttrs;
    let allowed = HTML_ATTRIBUTES;
    let attributeCase: ReadonlyMap<string, string> | null = null;
    let name = tag;
    if (!HTML_ELEMENTS.has(tag) || this.svg > 0) {
      if (CODE_ELEMENTS.has(tag)) this.insideCode++;
      const hasXmlns = attrs.some(([key]) => key.toLowerCase() === 'xmlns');
      // HTML5 inline svg/math carry no namespace declaration; the XHTML serialization needs one.
      if (!hasXmlns && !this.options.xhtml && tag === 'svg') attrs = [...attrs, ['xmlns', SVG_NAMESPACE]];
      if (!hasXmlns && !this.options.xhtml && tag === 'math') attrs = [...attrs, ['xmlns', MATHML_NAMESPACE]];
      if (tag === 'math' && hasAttribute(attrs, 'xmlns', MATHML_NAMESPACE)) this.mathml++;
      if (tag === 'svg' && hasAttribute(attrs, 'xmlns', SVG_NAMESPACE)) this.svg++;
      if (this.mathml > 0 && MATHML_ELEMENTS.has(tag)) {
        allowed = MATHML_ATTRIBUTES;
      } else if (this.svg > 0 && SVG_ELEMENTS.has(tag)) {
        allowed = new Set(SVG_ATTRIBUTES.keys());
        attributeCase = SVG_ATTRIBUTES;
        name = SVG_ELEMENTS.get(tag)!;
      } else if (!HTML_ELEMENTS.has(tag)) {
        return;
      }
    }
    if ((this.mathml > 0 || this.svg > 0) && attrs.some(([key]) => key.toLowerCase().startsWith('xlink:'))) {
      if (!hasAttribute(attrs, 'xmlns:xlink', XLINK_NAMESPACE)) attrs = [...attrs, ['xmlns:xlink', XLINK_NAMESPACE]];
    }
    const clean: Attribute[] = [];
    for (const [key, rawValue] of normalizeAttributes(attrs)) {
      let value = rawValue;
      if (URL_ATTRIBUTES.has(`${tag}:${key}`)) value = safeJoinUrl(this.options.base, value.trim());
      if (key === 'style' && allowed.has('style')) {
        const style = sanitizeStyle(value, this.svg > 0);
        if (style) clean.push([key, style]);
      } else if (allowed.has(key)) {
        clean.push([attributeCase?.get(key) ?? key, key === 'href' ? safeJoinUrl(value) : value]);
      }
    }
    const rendered = clean.map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('');
    this.out.push(VOID_ELEMENTS.has(tag) ? `<${name}${rendered} />` : `<${name}${rendered}>`);
  }

  private endTag(tag: string): void {
    let name = tag;
    if (!HTML_ELEMENTS.has(tag)) {
      if (CODE_ELEMENTS.has(tag)) {
        this.insideCode = Math.max(0, this.insideCode - 1);
        return;
      }
      if (this.mathml > 0 && MATHML_ELEMENTS.has(tag)) {
        if (tag === 'math') this.mathml--;
      } else if (this.svg > 0 && SVG_ELEMENTS.has(tag)) {
        name = SVG_ELEMENTS.get(tag)!;
        if (tag === 'svg') this.svg--;
      } else {
        return;
      }
    }
    if (!VOID_ELEMENTS.has(tag)) this.out.push(`</${name}>`);
  }
}

function hasAttribute(attrs: readonly Attribute[], name: string, value: string): boolean {
  return attrs.some(([key, v]) => key.toLowerCase() === name && v === value);
}

/** Lowercased names, last duplicate wins, `rel`/`type` values lowercased, sorted by name. */
function normalizeAttributes(attrs: readonly Attribute[]): Attribute[] {
  const byName = new Map<string, string>();
  for (const [key, value] of attrs) {
    const name = key.toLowerCase();
    byName.set(name, name === 'rel' || name === 'type' ? value.toLowerCase() : value);
  }
  return [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function escapeAttribute(value: string): string {
  return value
    .replace(/>/g, '&gt;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/&(?!#\d+;|#x[0-9a-fA-F]+;|\w+;)/g, '&amp;');
}

/**
 * Text keeps its references as written, with two repairs: C1 character references are read as the
 * Windows-1252 characters their authors meant (`&#150;` → `&#x2013;`), and names HTML does not know are
 * escaped so they display as written.
 */
function normalizeReferences(text: string): string {
  return text
    .replace(/&#39;/g, "'")
    .replace(/&#34;/g, '"')
    .replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][-.a-zA-Z0-9]*)(;?)/g, (whole, ref: string, semicolon: string) => {
      if (ref.startsWith('#')) {
        const lower = ref.toLowerCase();
        const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
        const mapped = WINDOWS_1252_C1.get(code);
        return mapped ? `&#x${mapped.codePointAt(0)!.toString(16)};` : `&${lower};`;
      }
      if (!semicolon) return whole;
      return htmlEntity(ref) !== null ? whole : `&amp;${ref};`;
    });
}
