import { decodeHTMLStrict } from 'entities/decode';
import { Parser } from 'htmlparser2';
import { WireParseError, WireParseErrorCode } from '../wire.exception';
import type { WireLimits } from '../wire.limits';
import { stripDoctype } from './doctype.guard';
import type { XmlDocument, XmlElement, XmlNode } from './xml.types';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

interface OpenElement {
  element: XmlElement;
  /** Written `<x/>`: its close is the parser's doing but not a repair. */
  selfClosing: boolean;
  /** Prefix → namespace URI in scope for this element's content ('' is the default namespace). */
  namespaces: ReadonlyMap<string, string>;
}

/**
 * Reads XML leniently and safely into a small tree, like a browser reads tag soup: unclosed and mismatched tags are
 * closed where they must be, a bare `&` stays text, and HTML's named references (`&eacute;`, which NITF takes from
 * its DTD) are decoded from a fixed table. No entity declared by the document is ever expanded and no DTD is loaded
 * (see {@link stripDoctype}). One linear pass (htmlparser2), the tree built without recursion.
 * @throws WireParseError WIRE_TOO_LARGE, WIRE_TOO_DEEP, WIRE_ENTITY_REFUSED, WIRE_NOT_WIRE (no element at all)
 */
export function readXml(text: string, limits: WireLimits): XmlDocument {
  if (text.length > limits.maxBytes) {
    throw new WireParseError(WireParseErrorCode.TooLarge, `the document is larger than ${limits.maxBytes} bytes`);
  }
  const source = stripDoctype(text);
  const builder = new TreeBuilder(limits.maxDepth, source);
  const parser = new Parser(builder.handlers(), { xmlMode: true, decodeEntities: false });
  parser.end(source);
  return builder.finish();
}

class TreeBuilder {
  private readonly stack: OpenElement[] = [];
  private root: XmlElement | null = null;
  private pendingText = '';
  private inCdata = false;
  private unclosed = 0;
  private extraRoots = 0;
  private parser: Parser | null = null;

  constructor(
    private readonly maxDepth: number,
    private readonly source: string,
  ) {}

  handlers() {
    return {
      onparserinit: (parser: Parser) => {
        this.parser = parser;
      },
      onopentag: (name: string, attributes: Record<string, string>) => this.open(name, attributes),
      onclosetag: (_name: string, isImplied: boolean) => this.close(isImplied),
      ontext: (data: string) => this.text(data),
      oncdatastart: () => {
        this.flushText();
        this.inCdata = true;
      },
      oncdataend: () => {
        this.inCdata = false;
      },
      onprocessinginstruction: (name: string) => {
        // A DOCTYPE or entity declaration after the prolog: the same refusal as in the prolog.
        if (/^!(?:ENTITY|DOCTYPE)$/i.test(name)) {
          throw new WireParseError(
            WireParseErrorCode.EntityRefused,
            'the document declares entities; wire documents need none and they are never expanded: refused',
          );
        }
      },
    };
  }

  finish(): XmlDocument {
    this.flushText();
    if (!this.root) throw new WireParseError(WireParseErrorCode.NotWire, 'the document holds no XML element');
    const issues: string[] = [];
    if (this.unclosed > 0)
      issues.push(`recovered from broken markup: ${this.unclosed} element(s) closed where the document did not close them`);
    if (this.extraRoots > 0) issues.push(`ignored ${this.extraRoots} element(s) after the root element`);
    return { root: this.root, issues };
  }

  private open(qualifiedName: string, rawAttributes: Record<string, string>): void {
    this.flushText();
    if (this.stack.length >= this.maxDepth) {
      throw new WireParseError(WireParseErrorCode.TooDeep, `elements are nested deeper than ${this.maxDepth} levels`);
    }
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(rawAttributes)) attributes[key] = decodeHTMLStrict(value);
    const parentScope = this.stack.at(-1)?.namespaces;
    const namespaces = scopeOf(attributes, parentScope);
    const [prefix, name] = splitName(qualifiedName);
    const element: XmlElement = { name, prefix, namespace: namespaces.get(prefix ?? '') ?? null, attributes, children: [] };
    const parent = this.stack.at(-1);
    if (parent) parent.element.children.push(element);
    else if (this.root) this.extraRoots++;
    else this.root = element;
    const selfClosing = this.parser !== null && this.source[this.parser.endIndex - 1] === '/';
    this.stack.push({ element, namespaces, selfClosing });
  }

  private close(isImplied: boolean): void {
    this.flushText();
    const closed = this.stack.pop();
    // htmlparser2 reports a self-closed element as implicitly closed too.
    if (isImplied && closed && !closed.selfClosing) this.unclosed++;
  }

  private text(data: string): void {
    if (this.inCdata) this.append(data);
    else this.pendingText += data;
  }

  /** Text arrives in pieces; decoding the whole run at once keeps a reference from being cut in two. */
  private flushText(): void {
    if (!this.pendingText) return;
    this.append(decodeHTMLStrict(this.pendingText));
    this.pendingText = '';
  }

  private append(text: string): void {
    const parent = this.stack.at(-1)?.element;
    if (!parent) return; // text outside the root element is not content
    const last = parent.children.length - 1;
    if (last >= 0 && typeof parent.children[last] === 'string') parent.children[last] = parent.children[last] + text;
    else parent.children.push(text);
  }
}

function splitName(qualifiedName: string): [string | null, string] {
  const colon = qualifiedName.indexOf(':');
  return colon > 0 ? [qualifiedName.slice(0, colon), qualifiedName.slice(colon + 1)] : [null, qualifiedName];
}

function scopeOf(attributes: Record<string, string>, parent: ReadonlyMap<string, string> | undefined): ReadonlyMap<string, string> {
  let scope: Map<string, string> | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
    scope ??= new Map(parent ?? [['xml', XML_NAMESPACE]]);
    scope.set(key === 'xmlns' ? '' : key.slice('xmlns:'.length), value.trim());
  }
  return scope ?? parent ?? new Map([['xml', XML_NAMESPACE]]);
}

/** Every node of a tree, depth first, without recursion (trees may be as deep as the depth limit). */
export function* walk(root: XmlElement): Generator<XmlNode> {
  const stack: XmlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as XmlNode;
    yield node;
    if (typeof node !== 'string') for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}
