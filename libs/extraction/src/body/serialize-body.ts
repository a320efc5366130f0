import type { ElementNode } from '../dom/html-tree';
import { BLOCK_TAGS } from '../dom/tag-sets';
import { collapsedLength } from '../dom/text-measure';
import { CAPTION_CLASS, PICTURE_CLASS } from './boilerplate.patterns';
import { classIdWords } from './class-signals';
import { isFurnitureLine } from './furniture-line';
import { escapeAttribute, escapeText } from './html-escape';
import { DEFAULT_IFRAME_HOSTS, safeEmbedUrl, safeImageSource, safeLinkUrl } from './safe-urls';

/** The article body in both forms. */
export interface SerializedBody {
  /** Sanitized HTML: only allow-listed tags and attributes, absolute http(s) URLs, no scripts or handlers. */
  readonly html: string;
  /** Plain text, one block (paragraph, heading, list item) per line. */
  readonly text: string;
  /** Images kept, as absolute URLs, in document order. */
  readonly images: readonly string[];
  /** Characters of the plain text that sit inside links: teaser lists are mostly links, stories are not. */
  readonly linkTextLength: number;
}

// Tags written out as they are (with their allow-listed attributes); everything else is unwrapped.
const KEPT_BLOCKS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'dl',
  'dt',
  'dd',
  'hr',
]);
const KEPT_INLINE = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'code',
  'q',
  'cite',
  'abbr',
  'time',
  'mark',
  'small',
  'br',
  'img',
  'iframe',
  'del',
  'ins',
  'kbd',
  'var',
  'dfn',
]);
const VOID_TAGS = new Set(['br', 'hr', 'img']);
// Elements whose direct text is fine where it stands; elsewhere loose text is wrapped in a <p>.
const TEXT_HOLDERS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'figcaption',
  'th',
  'td',
  'caption',
  'dt',
  'dd',
]);
// Captions describe pictures; the plain-text body is the story alone.
const TEXT_SKIPPED = new Set(['figcaption']);

interface LineMark {
  readonly html: number;
  readonly images: number;
  readonly linkText: number;
  readonly openInline: number;
  readonly implicitP: boolean;
}

interface Frame {
  readonly element: ElementNode;
  position: number;
  /** Tag written for this element, or null when it was unwrapped or dropped. */
  readonly written: string | null;
  readonly textSkipped: boolean;
  readonly inPre: boolean;
  readonly inLink: boolean;
}

/** Serializes the chosen parts to sanitized HTML and line-per-block text, skipping removed elements. */
export function serializeBody(
  parts: readonly ElementNode[],
  removed: Uint8Array,
  baseUrl: URL | null,
  iframeHosts: readonly string[] = DEFAULT_IFRAME_HOSTS,
): SerializedBody {
  const writer = new BodyWriter(removed, baseUrl, iframeHosts);
  for (const part of parts) {
    if (removed[part.index] === 1) continue;
    writer.writePart(part);
  }
  return writer.result();
}

/**
 * One pass over the chosen parts, writing HTML and text side by side. An explicit stack instead of recursion: pages
 * nest elements tens of thousands deep.
 */
class BodyWriter {
  private readonly html: string[] = [];
  private readonly lines: string[] = [];
  private readonly images: string[] = [];
  private line = '';
  private linkTextLength = 0;
  private openImplicitP = false;
  // Inline elements written and still open: a block inside one (<a><div>..) is unwrapped to keep nesting valid.
  private openInline = 0;
  // Nearest written ancestor that may hold text directly.
  private readonly holderStack: boolean[] = [false];
  private readonly stack: Frame[] = [];
  // Where the current line started, so a furniture line set off by <br>s can be taken back out of the HTML.
  private lineMark: LineMark = { html: 0, images: 0, linkText: 0, openInline: 0, implicitP: false };
  private lineLinks: string[] = [];
  // A block opened or closed inside the line: its HTML cannot be cut out cleanly.
  private lineStructural = false;

  constructor(
    private readonly removed: Uint8Array,
    private readonly baseUrl: URL | null,
    private readonly iframeHosts: readonly string[],
  ) {}

  writePart(part: ElementNode): void {
    const stack = this.stack;
    this.enter(part, null);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.position >= frame.element.children.length) {
        stack.pop();
        this.exit(frame);
        continue;
      }
      const child = frame.element.children[frame.position++];
      if (child.kind === 'element') {
        if (this.removed[child.index] === 0) this.enter(child, frame);
      } else {
        this.text(frame, child.data);
      }
    }
    this.closeImplicitP();
    this.flushLine();
  }

  result(): SerializedBody {
    const html = this.html.join('').replace(/<p>\s*<\/p>/g, '');
    return { html, text: this.lines.join('\n'), images: this.images, linkTextLength: this.linkTextLength };
  }

  private enter(element: ElementNode, parent: Frame | null): void {
    const tag = element.tag === 'h1' ? 'h2' : element.tag;
    const textSkipped = (parent?.textSkipped ?? false) || TEXT_SKIPPED.has(tag) || isCaptionLike(element, this.removed);
    const inPre = (parent?.inPre ?? false) || tag === 'pre';
    const inLink = (parent?.inLink ?? false) || tag === 'a';
    if (BLOCK_TAGS.has(element.tag)) this.flushLine();
    let written: string | null = null;
    if (KEPT_BLOCKS.has(tag) && this.openInline === 0) {
      this.closeImplicitP();
      written = tag;
      this.lineStructural = true;
      this.html.push(`<${tag}${keptAttributes(tag, element)}>`);
      this.holderStack.push(TEXT_HOLDERS.has(tag));
    } else if (KEPT_INLINE.has(tag)) {
      written = this.writeInlineOpening(tag, element);
      if (tag === 'br' && !textSkipped) this.flushLine();
    } else if (BLOCK_TAGS.has(element.tag) && this.openInline === 0) {
      this.closeImplicitP();
    }
    this.stack.push({ element, position: 0, written, textSkipped, inPre, inLink });
  }

  /** Writes an inline element's opening; returns the tag left open, or null (void, iframe, or refused). */
  private writeInlineOpening(tag: string, element: ElementNode): string | null {
    const opening = inlineOpening(tag, element, this.baseUrl, this.images, this.iframeHosts);
    if (opening === null) return null;
    if (tag !== 'br' && tag !== 'iframe') this.ensureTextHolder();
    if (tag === 'iframe') this.closeImplicitP();
    if (tag === 'a') {
      const href = /^<a href="([^"]*)">$/.exec(opening)?.[1];
      this.lineLinks.push(href === undefined ? '' : href.replace(/&amp;/g, '&'));
    }
    this.html.push(opening);
    if (tag === 'iframe') this.html.push('</iframe>');
    if (VOID_TAGS.has(tag) || tag === 'iframe') return null;
    this.holderStack.push(true);
    this.openInline++;
    return tag;
  }

  private exit(frame: Frame): void {
    if (frame.written !== null) {
      if (KEPT_BLOCKS.has(frame.written)) {
        this.closeImplicitP();
        this.lineStructural = true;
      } else this.openInline--;
      this.html.push(`</${frame.written}>`);
      this.holderStack.pop();
    } else if (BLOCK_TAGS.has(frame.element.tag) && this.openInline === 0) {
      this.closeImplicitP();
    }
    if (BLOCK_TAGS.has(frame.element.tag)) this.flushLine();
  }

  private text(frame: Frame, raw: string): void {
    const data = frame.inPre ? raw : raw.replace(/[\s\u200b]+/g, ' ');
    if (data.trim().length === 0) {
      if (data.length > 0 && this.line.length > 0 && !this.line.endsWith(' ')) this.line += ' ';
      if (this.openImplicitP || this.holderStack[this.holderStack.length - 1]) this.html.push(' ');
      return;
    }
    this.ensureTextHolder();
    this.html.push(escapeText(data));
    if (!frame.textSkipped) {
      this.line += data;
      if (frame.inLink) this.linkTextLength += data.trim().length;
    }
  }

  private flushLine(): void {
    const trimmed = this.line.trim();
    if (trimmed.length > 0) {
      if (this.cuttable() && isFurnitureLine({ text: trimmed, links: this.lineLinks })) this.cutLine();
      else this.lines.push(trimmed);
    }
    this.line = '';
    this.lineLinks = [];
    this.lineStructural = false;
    this.lineMark = {
      html: this.html.length,
      images: this.images.length,
      linkText: this.linkTextLength,
      openInline: this.openInline,
      implicitP: this.openImplicitP,
    };
  }

  /** The line's HTML is inline markup only (plus the implicit <p> it may have opened), balanced. */
  private cuttable(): boolean {
    return !this.lineStructural && this.openInline === this.lineMark.openInline;
  }

  private cutLine(): void {
    const mark = this.lineMark;
    this.html.length = mark.html;
    this.images.length = mark.images;
    this.linkTextLength = mark.linkText;
    this.openImplicitP = mark.implicitP;
  }

  private closeImplicitP(): void {
    if (this.openImplicitP) {
      this.html.push('</p>');
      this.openImplicitP = false;
      this.lineStructural = true;
    }
  }

  private ensureTextHolder(): void {
    if (!this.holderStack[this.holderStack.length - 1] && !this.openImplicitP) {
      this.html.push('<p>');
      this.openImplicitP = true;
    }
  }
}

function keptAttributes(tag: string, element: ElementNode): string {
  const attrs = element.attrs;
  switch (tag) {
    case 'td':
    case 'th': {
      let out = '';
      for (const name of ['colspan', 'rowspan']) {
        const value = attrs[name];
        if (value !== undefined && /^\d{1,3}$/.test(value)) out += ` ${name}="${value}"`;
      }
      return out;
    }
    case 'ol': {
      const start = attrs.start;
      return start !== undefined && /^-?\d{1,6}$/.test(start) ? ` start="${start}"` : '';
    }
    default:
      return '';
  }
}

function inlineOpening(
  tag: string,
  element: ElementNode,
  baseUrl: URL | null,
  images: string[],
  iframeHosts: readonly string[],
): string | null {
  const attrs = element.attrs;
  switch (tag) {
    case 'a': {
      const href = safeLinkUrl(attrs.href, baseUrl);
      return href === null ? '<a>' : `<a href="${escapeAttribute(href)}">`;
    }
    case 'img': {
      const src = safeImageSource(element, baseUrl);
      if (src === null) return null;
      images.push(src);
      const alt = attrs.alt ? ` alt="${escapeAttribute(attrs.alt.trim())}"` : '';
      return `<img src="${escapeAttribute(src)}"${alt}>`;
    }
    case 'iframe': {
      const src = safeEmbedUrl(attrs.src ?? attrs['data-src'], baseUrl, iframeHosts);
      return src === null ? null : `<iframe src="${escapeAttribute(src)}" allowfullscreen>`;
    }
    case 'time': {
      const datetime = attrs.datetime;
      return datetime ? `<time datetime="${escapeAttribute(datetime)}">` : '<time>';
    }
    case 'abbr': {
      const title = attrs.title;
      return title ? `<abbr title="${escapeAttribute(title)}">` : '<abbr>';
    }
    default:
      return `<${tag}>`;
  }
}

/** A caption outside <figure>: a caption/credit class, or a picture wrapper holding an image and a little text. */
function isCaptionLike(element: ElementNode, removed: Uint8Array): boolean {
  if (!BLOCK_TAGS.has(element.tag) && element.tag !== 'span') return false;
  const words = classIdWords(element);
  if (words === '') return false;
  if (CAPTION_CLASS.test(words)) return true;
  if (!PICTURE_CLASS.test(words)) return false;
  let hasImage = false;
  let text = 0;
  const stack: ElementNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop() as ElementNode;
    for (const child of node.children) {
      if (child.kind === 'text') {
        text += collapsedLength(child.data);
        if (text > 400) return false;
      } else if (removed[child.index] === 0) {
        if (child.tag === 'img' || child.tag === 'picture') hasImage = true;
        stack.push(child);
      }
    }
  }
  return hasImage;
}
