import type { XmlAttribute, XmlDocument, XmlElement, XmlIssue, XmlNode, XmlText } from './xml.types';
import { scanDoctype } from './doctype.scanner';
import type { EntityDeclaration, ReferenceContext } from './xml-reference.decoder';
import { decodeReferences, ENTITY_EXPANSION_BUDGET } from './xml-reference.decoder';

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** Deeper elements are flattened into their ancestor so that every later walk stays shallow (deep-nesting bombs). */
export const MAX_XML_DEPTH = 256;
/**
 * A document with more elements is cut there (its tree would cost about 2 KB an element): far more than any feed
 * needs (a thousand items of twenty elements each), and it bounds the memory a 15 MiB body can take.
 */
export const MAX_XML_ELEMENTS = 250_000;
/** Enough issues to judge a document; a broken one could otherwise report one per character. */
const MAX_ISSUES = 50;

const ROOT_SCOPE: ReadonlyMap<string, string> = new Map([
  ['xml', XML_NAMESPACE],
  ['xmlns', XMLNS_NAMESPACE],
]);

const ILLEGAL_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;

/** White space as XML and HTML tokenizers see it (cheaper than a regex per character). */
export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 12;
}

/** Characters that end a tag or attribute name: space, `/`, `>`, `=`, `<`, quotes. */
function isNameStop(code: number): boolean {
  return isSpace(code) || code === 47 || code === 62 || code === 61 || code === 60 || code === 34 || code === 39;
}

interface RawAttribute {
  readonly qname: string;
  readonly value: string;
}

/**
 * Reads XML the way a lenient feed reader must: never fails, never loads a DTD or an external entity, and
 * records every well-formedness problem it recovers from (unclosed or mismatched tags, bare `&`, HTML entities,
 * undeclared prefixes, junk after the root) so the caller can tell a clean feed from a repaired one.
 * Throws only `FeedParseError` (EntityRefused) for entity bombs.
 */
export function parseXml(input: string): XmlDocument {
  return new XmlReader(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).read();
}

class XmlReader {
  private readonly issues: XmlIssue[] = [];
  private readonly stack: XmlElement[] = [];
  private readonly roots: XmlElement[] = [];
  private readonly declared = new Map<string, EntityDeclaration>();
  private readonly refs: ReferenceContext;
  private doctype: string | null = null;
  /** Open tags beyond MAX_XML_DEPTH, whose end tags must be swallowed. */
  private flattened = 0;
  private elements = 0;
  /** Set when MAX_XML_ELEMENTS was reached: the rest of the text is not read. */
  private cut = false;
  private pos = 0;

  constructor(private readonly text: string) {
    this.refs = {
      declared: this.declared,
      report: (message, offset) => this.report(message, offset),
      budget: ENTITY_EXPANSION_BUDGET,
      externalDtd: false,
    };
  }

  read(): XmlDocument {
    const { text } = this;
    if (ILLEGAL_CHARS.test(text)) this.report('control characters are not allowed in XML', text.search(ILLEGAL_CHARS));
    while (this.pos < text.length && !this.cut) {
      const lt = text.indexOf('<', this.pos);
      if (lt < 0) {
        this.addText(text.slice(this.pos), this.pos);
        break;
      }
      if (lt > this.pos) this.addText(text.slice(this.pos, lt), this.pos);
      this.pos = lt;
      this.readMarkup();
    }
    if (this.stack.length > 0 && !this.cut) this.report(`unclosed element <${this.stack[this.stack.length - 1].qname}>`, text.length);
    if (this.roots.length === 0) this.report('no element found', text.length);
    return { root: this.roots[0] ?? null, doctype: this.doctype, issues: this.issues };
  }

  private report(message: string, offset: number): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ message, offset });
  }

  private readMarkup(): void {
    const { text } = this;
    const at = this.pos;
    if (text.startsWith('<!--', at)) {
      this.pos = this.skipPast('-->', at + 4, 'unclosed comment');
    } else if (text.startsWith('<![CDATA[', at)) {
      const close = text.indexOf(']]>', at + 9);
      if (close < 0) this.report('unclosed CDATA section', at);
      const end = close < 0 ? text.length : close;
      this.appendText(text.slice(at + 9, end), at);
      this.pos = close < 0 ? text.length : close + 3;
    } else if (text.startsWith('<?', at)) {
      // The XML declaration is only allowed as the very first thing in the document.
      if (at > 0 && /^<\?xml[\s?]/i.test(text.slice(at, at + 6))) this.report('XML declaration not at the start', at);
      this.pos = this.skipPast('?>', at + 2, 'unclosed processing instruction');
    } else if (text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') {
      this.readDoctype(at);
    } else if (text[at + 1] === '/') {
      this.readEndTag(at);
    } else if (text[at + 1] === '!') {
      this.report('unknown markup declaration', at);
      this.pos = this.skipPast('>', at + 2, 'unclosed declaration');
    } else if (NAME_START.test(text[at + 1] ?? '')) {
      this.readStartTag(at);
    } else {
      this.report('"<" does not start markup', at);
      this.appendText('<', at);
      this.pos = at + 1;
    }
  }

  private skipPast(terminator: string, from: number, problem: string): number {
    const close = this.text.indexOf(terminator, from);
    if (close >= 0) return close + terminator.length;
    this.report(problem, from);
    return this.text.length;
  }

  private readDoctype(at: number): void {
    if (this.roots.length > 0 || this.stack.length > 0) this.report('DOCTYPE after the root element', at);
    const scanned = scanDoctype(this.text, at);
    if (scanned.unterminated) this.report('unterminated DOCTYPE', at);
    if (this.doctype === null) {
      this.doctype = scanned.header;
      for (const [name, declaration] of scanned.entities) this.declared.set(name, declaration);
      this.refs.externalDtd = scanned.external;
    }
    this.pos = scanned.end;
  }

  private readEndTag(at: number): void {
    const { text } = this;
    let j = at + 2;
    while (j < text.length && !isNameStop(text.charCodeAt(j))) j++;
    const name = text.slice(at + 2, j);
    const close = text.indexOf('>', j);
    if (close < 0 || text.slice(j, close).trim() !== '') this.report(`malformed end tag </${name}`, at);
    this.pos = close < 0 ? text.length : close + 1;
    this.closeElement(name, at);
  }

  private closeElement(name: string, at: number): void {
    if (this.flattened > 0) {
      this.flattened--;
      return;
    }
    for (let k = this.stack.length - 1; k >= 0; k--) {
      if (this.stack[k].qname === name) {
        if (k !== this.stack.length - 1) this.report(`mismatched end tag </${name}>`, at);
        this.stack.length = k;
        return;
      }
    }
    this.report(`end tag </${name}> without a start tag`, at);
  }

  private readStartTag(at: number): void {
    const { text } = this;
    let j = at + 1;
    while (j < text.length && !isNameStop(text.charCodeAt(j))) j++;
    const qname = text.slice(at + 1, j);
    const attrs: RawAttribute[] = [];
    let selfClosing = false;
    for (;;) {
      while (j < text.length && isSpace(text.charCodeAt(j))) j++;
      const ch = text[j];
      if (ch === '>') {
        j++;
        break;
      }
      if (ch === '/' && text[j + 1] === '>') {
        j += 2;
        selfClosing = true;
        break;
      }
      if (ch === undefined || ch === '<') {
        this.report(`unclosed start tag <${qname}>`, at);
        break;
      }
      const attribute = this.readAttribute(j, qname);
      if (attribute === null) {
        j++;
        continue;
      }
      j = attribute.end;
      if (attrs.some((a) => a.qname === attribute.qname)) {
        this.report(`duplicate attribute "${attribute.qname}"`, j);
      } else {
        attrs.push({ qname: attribute.qname, value: attribute.value });
      }
    }
    this.pos = j;
    this.openElement(qname, attrs, selfClosing, at);
  }

  private readAttribute(from: number, tag: string): { qname: string; value: string; end: number } | null {
    const { text } = this;
    let j = from;
    while (j < text.length && !isNameStop(text.charCodeAt(j))) j++;
    const qname = text.slice(from, j);
    if (qname === '') {
      this.report(`stray character in <${tag}>`, from);
      return null;
    }
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (text[j] !== '=') {
      this.report(`attribute "${qname}" has no value`, from);
      return { qname, value: '', end: j };
    }
    j++;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    const quote = text[j];
    let raw: string;
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, j + 1);
      if (close < 0) {
        this.report(`unterminated value of "${qname}"`, j);
        const gt = text.indexOf('>', j + 1);
        const end = gt < 0 ? text.length : gt;
        raw = text.slice(j + 1, end);
        j = end;
      } else {
        raw = text.slice(j + 1, close);
        j = close + 1;
      }
      if (raw.includes('<')) this.report(`"<" in the value of "${qname}"`, j);
    } else {
      this.report(`unquoted value of "${qname}"`, j);
      const start = j;
      while (j < text.length && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 62) j++;
      raw = text.slice(start, j);
    }
    // XML 1.0 §3.3.3: literal white space in attribute values normalizes to spaces.
    return { qname, value: decodeReferences(raw, from, this.refs).replace(/[\t\n\r]/g, ' '), end: j };
  }

  private openElement(qname: string, raw: RawAttribute[], selfClosing: boolean, at: number): void {
    const parent = this.stack[this.stack.length - 1] ?? null;
    if (parent === null && this.roots.length > 0) this.report('junk after the document element', at);
    if (++this.elements > MAX_XML_ELEMENTS) {
      this.report(`more than ${MAX_XML_ELEMENTS} elements: the rest of the document is ignored`, at);
      this.cut = true;
      return;
    }
    if (this.stack.length >= MAX_XML_DEPTH || this.flattened > 0) {
      if (this.flattened === 0 && !selfClosing) this.report('elements nested too deeply; flattened', at);
      if (!selfClosing) this.flattened++;
      return;
    }
    const scope = declareNamespaces(parent?.scope ?? ROOT_SCOPE, raw);
    const [prefix, local] = splitName(qname);
    let ns = scope.get(prefix) ?? '';
    if (prefix !== '' && !scope.has(prefix)) {
      this.report(`undeclared namespace prefix "${prefix}"`, at);
      ns = '';
    }
    const attrs: XmlAttribute[] = raw.map(({ qname: name, value }) => {
      const [attrPrefix, attrLocal] = splitName(name);
      const attrNs = name === 'xmlns' ? XMLNS_NAMESPACE : attrPrefix === '' ? '' : (scope.get(attrPrefix) ?? '');
      return { qname: name, prefix: attrPrefix, local: attrLocal, ns: attrNs, value };
    });
    const element: XmlElement = { kind: 'element', qname, prefix, local, ns, attrs, children: [], parent, scope };
    if (parent) parent.children.push(element);
    else this.roots.push(element);
    if (!selfClosing) this.stack.push(element);
  }

  private addText(raw: string, offset: number): void {
    if (this.stack.length === 0) {
      if (raw.trim() !== '') this.report('text outside the document element', offset);
      return;
    }
    this.appendText(decodeReferences(raw, offset, this.refs), offset);
  }

  private appendText(value: string, offset: number): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (value.trim() !== '') this.report('text outside the document element', offset);
      return;
    }
    const last: XmlNode | undefined = top.children[top.children.length - 1];
    if (last?.kind === 'text') {
      last.value += value;
    } else {
      const node: XmlText = { kind: 'text', value };
      top.children.push(node);
    }
  }
}

function splitName(qname: string): [string, string] {
  const colon = qname.indexOf(':');
  return colon > 0 ? [qname.slice(0, colon), qname.slice(colon + 1)] : ['', qname];
}

function declareNamespaces(parent: ReadonlyMap<string, string>, attrs: readonly RawAttribute[]): ReadonlyMap<string, string> {
  let scope: Map<string, string> | null = null;
  for (const { qname, value } of attrs) {
    if (qname !== 'xmlns' && !qname.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(qname === 'xmlns' ? '' : qname.slice(6), value.trim());
  }
  return scope ?? parent;
}
