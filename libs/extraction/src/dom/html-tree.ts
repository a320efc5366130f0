import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { FOREIGN_ROOTS, HEAD_CONTENT, OPEN_IMPLIES_CLOSE, VOID_ELEMENTS } from './html-rules';

/** An element of the parsed page. `index` is its position in document (pre-)order. */
export interface ElementNode {
  readonly kind: 'element';
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: TreeNode[];
  readonly parent: ElementNode | null;
  readonly index: number;
  readonly depth: number;
}

/** A run of decoded text. */
export interface TextNode {
  readonly kind: 'text';
  data: string;
  readonly parent: ElementNode;
  /** Collapsed length and comma count, measured once on first use (see `measureText`); -1 until then. */
  length: number;
  commas: number;
}

export type TreeNode = ElementNode | TextNode;

/** Head-level facts gathered while parsing, so metadata never needs a second walk. */
export interface HtmlTree {
  readonly root: ElementNode;
  /** Every element in document order: parents always come before their descendants. */
  readonly elements: readonly ElementNode[];
  readonly title: string;
  readonly htmlLang: string;
  /** Attributes of every `<meta>` element, in order. */
  readonly metas: ReadonlyArray<Readonly<Record<string, string>>>;
  /** Attributes of every `<link>` element, in order. */
  readonly links: ReadonlyArray<Readonly<Record<string, string>>>;
  /** Raw text of every `<script type="application/ld+json">`. */
  readonly jsonLd: readonly string[];
  /** True when the input was cut at `maxHtmlLength` or the element cap. */
  readonly truncated: boolean;
}

/** Limits that keep memory and time bounded on hostile or broken pages. */
export interface ParseLimits {
  /** Characters of HTML parsed; the rest is ignored. */
  maxHtmlLength: number;
  /** Elements nested deeper than this are flattened into their ancestor at this depth. */
  maxDepth: number;
  /** Elements kept; later ones are ignored (their text still lands in the current element). */
  maxElements: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxHtmlLength: 8_000_000,
  maxDepth: 200,
  maxElements: 300_000,
};

// JSON-LD scripts beyond this size are not metadata (and would cost memory).
const MAX_JSON_LD = 2_000_000;

// Subtrees that never hold article text; skipping them at parse time keeps the tree small.
const SKIPPED_SUBTREES = new Set(['script', 'style', 'svg', 'math', 'template', 'noscript', 'textarea', 'select', 'object', 'canvas']);

function newElement(tag: string, attrs: Record<string, string>, parent: ElementNode | null, index: number): ElementNode {
  return { kind: 'element', tag, attrs, children: [], parent, index, depth: parent ? parent.depth + 1 : 0 };
}

/**
 * Builds the tree from htmlparser2's tokenizer. htmlparser2's own Parser keeps its open-element stack with
 * `unshift`, which is quadratic on deeply nested input (100k unclosed divs take seconds); this builder keeps the
 * stack top at the end, counts open tags by name so a stray end tag costs nothing, and never recurses.
 */
class TreeBuilder implements TokenizerCallbacks {
  readonly root = newElement('#root', {}, null, 0);
  readonly elements: ElementNode[] = [this.root];
  readonly metas: Record<string, string>[] = [];
  readonly links: Record<string, string>[] = [];
  readonly jsonLd: string[] = [];
  title = '';
  htmlLang = '';
  truncated = false;

  // Open elements: tag names and the node that receives children while each is open (top of stack last).
  private readonly names: string[] = ['#root'];
  private readonly nodes: ElementNode[] = [this.root];
  private readonly openCounts = new Map<string, number>();
  private foreignDepth = 0;
  // While > 0, content is skipped until the stack shrinks below this height.
  private skipBase = 0;
  private skipIsJsonLd = false;
  // An untyped script counts as JSON-LD only if it names a @context.
  private skipNeedsContext = false;
  private skipText = '';
  private inTitle = false;
  private tagName = '';
  private attrs: Record<string, string> | null = null;
  private attrName = '';
  private attrValue = '';

  constructor(
    private readonly html: string,
    private readonly limits: ParseLimits,
  ) {}

  isInForeignContext(): boolean {
    return this.foreignDepth > 0;
  }

  onopentagname(start: number, end: number): void {
    let name = this.html.slice(start, end).toLowerCase();
    if (name === 'image' && this.foreignDepth === 0) name = 'img';
    // Body content inside an unclosed <head> ends the head, as browsers do; otherwise the whole page would
    // hang under <head>.
    if (this.names[this.names.length - 1] === 'head' && !HEAD_CONTENT.has(name)) this.pop();
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes !== undefined) {
      while (this.names.length > 1 && closes.has(this.names[this.names.length - 1])) this.pop();
    }
    this.tagName = name;
    this.attrs = {};
  }

  onattribname(start: number, end: number): void {
    this.attrName = this.html.slice(start, end).toLowerCase();
    this.attrValue = '';
  }

  onattribdata(start: number, end: number): void {
    this.attrValue += this.html.slice(start, end);
  }

  onattribentity(codepoint: number): void {
    this.attrValue += String.fromCodePoint(codepoint);
  }

  onattribend(): void {
    if (this.attrs !== null && !Object.hasOwn(this.attrs, this.attrName)) this.attrs[this.attrName] = this.attrValue;
    this.attrValue = '';
  }

  onopentagend(): void {
    this.openElement(false);
  }

  onselfclosingtag(): void {
    // In HTML a trailing slash means nothing; inside SVG/MathML it closes the element.
    this.openElement(this.foreignDepth > 0);
  }

  onclosetag(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    if (VOID_ELEMENTS.has(name) || (this.openCounts.get(name) ?? 0) === 0) return;
    while (this.names.length > 1) {
      if (this.pop() === name) break;
    }
  }

  ontext(start: number, end: number): void {
    this.text(this.html.slice(start, end));
  }

  ontextentity(codepoint: number): void {
    this.text(String.fromCodePoint(codepoint));
  }

  oncdata(start: number, end: number, offset: number): void {
    if (this.foreignDepth > 0) this.text(this.html.slice(start, end - offset));
  }

  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}

  private openElement(selfClosing: boolean): void {
    const name = this.tagName;
    const attrs = this.attrs ?? {};
    this.attrs = null;
    if (name === '') return;
    const current = this.nodes[this.nodes.length - 1];
    if (this.skipBase === 0) {
      if (name === 'meta') this.metas.push(attrs);
      else if (name === 'link') this.links.push(attrs);
      else if (name === 'html' && this.htmlLang === '') this.htmlLang = attrs.lang ?? attrs['xml:lang'] ?? '';
      else if (name === 'title' && this.title === '' && this.foreignDepth === 0) this.inTitle = true;
    }
    let node = current;
    if (this.skipBase === 0 && !SKIPPED_SUBTREES.has(name)) {
      if (current.depth < this.limits.maxDepth && this.elements.length < this.limits.maxElements) {
        node = newElement(name, attrs, current, this.elements.length);
        this.elements.push(node);
        current.children.push(node);
      } else if (this.elements.length >= this.limits.maxElements) {
        this.truncated = true;
      }
    }
    if (VOID_ELEMENTS.has(name) || selfClosing) return;
    if (this.skipBase === 0 && SKIPPED_SUBTREES.has(name)) {
      this.skipBase = this.names.length + 1;
      // Untyped scripts are kept too while they look like JSON: some CMSs omit the ld+json type.
      this.skipIsJsonLd = name === 'script' && attrs.src === undefined && (attrs.type === undefined || /ld\+json/i.test(attrs.type));
      this.skipNeedsContext = attrs.type === undefined;
      this.skipText = '';
    }
    this.names.push(name);
    this.nodes.push(node);
    this.openCounts.set(name, (this.openCounts.get(name) ?? 0) + 1);
    if (FOREIGN_ROOTS.has(name)) this.foreignDepth++;
  }

  private pop(): string {
    const name = this.names.pop() as string;
    this.nodes.pop();
    this.openCounts.set(name, (this.openCounts.get(name) ?? 1) - 1);
    if (FOREIGN_ROOTS.has(name)) this.foreignDepth--;
    if (name === 'title') this.inTitle = false;
    if (this.skipBase > 0 && this.names.length < this.skipBase) {
      if (this.skipIsJsonLd && /^\s*[[{]/.test(this.skipText) && (!this.skipNeedsContext || this.skipText.includes('@context'))) {
        this.jsonLd.push(this.skipText);
      }
      this.skipBase = 0;
      this.skipIsJsonLd = false;
      this.skipText = '';
    }
    return name;
  }

  private text(data: string): void {
    if (this.skipBase > 0) {
      if (this.skipIsJsonLd) {
        this.skipText += data;
        // Stop collecting as soon as it is clearly code, or too big to be metadata.
        if (this.skipText.length > MAX_JSON_LD || (this.skipText.trimStart().length > 0 && !/^\s*[[{]/.test(this.skipText))) {
          this.skipIsJsonLd = false;
          this.skipText = '';
        }
      }
      return;
    }
    if (this.inTitle) {
      this.title += data;
      return;
    }
    const current = this.nodes[this.nodes.length - 1];
    const last = current.children[current.children.length - 1];
    // The tokenizer splits text at entities; one node per run keeps later text handling simple.
    if (last !== undefined && last.kind === 'text') last.data += data;
    else current.children.push({ kind: 'text', data, parent: current, length: -1, commas: 0 });
  }

  finish(): void {
    while (this.names.length > 1) this.pop();
  }
}

/**
 * Parses HTML into a compact tree in one streaming pass, collecting head metadata on the way.
 * Linear in the input and never recursive, so deeply nested or huge input cannot overflow the stack.
 */
export function parseHtml(html: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): HtmlTree {
  let input = html;
  if (html.length > limits.maxHtmlLength) {
    // Cut before the last tag that starts within the limit, so no half tag turns into text.
    const lastTag = html.lastIndexOf('<', limits.maxHtmlLength);
    input = html.slice(0, lastTag > limits.maxHtmlLength / 2 ? lastTag : limits.maxHtmlLength);
  }
  const builder = new TreeBuilder(input, limits);
  const tokenizer = new Tokenizer({ decodeEntities: true }, builder);
  tokenizer.write(input);
  tokenizer.end();
  builder.finish();
  return {
    root: builder.root,
    elements: builder.elements,
    title: builder.title.trim(),
    htmlLang: builder.htmlLang.trim(),
    metas: builder.metas,
    links: builder.links,
    jsonLd: builder.jsonLd,
    truncated: builder.truncated || input.length < html.length,
  };
}
