import type { ElementNode } from '../dom/html-tree';
import { BLOCK_TAGS } from '../dom/tag-sets';
import { collapsedLength } from '../dom/text-measure';
import { CAPTION_CLASS, PICTURE_CLASS } from './boilerplate.patterns';
import { classIdWords } from './class-signals';
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
  const html: string[] = [];
  const lines: string[] = [];
  const images: string[] = [];
  let line = '';
  let linkTextLength = 0;
  let openImplicitP = false;
  // Inline elements written and still open: a block inside one (<a><div>..) is unwrapped to keep nesting valid.
  let openInline = 0;
  // Nearest written ancestor that may hold text directly.
  const holderStack: boolean[] = [false];

  const flushLine = (): void => {
    const trimmed = line.trim();
    if (trimmed.length > 0) lines.push(trimmed);
    line = '';
  };
  const closeImplicitP = (): void => {
    if (openImplicitP) {
      html.push('</p>');
      openImplicitP = false;
    }
  };
  const ensureTextHolder = (): void => {
    if (!holderStack[holderStack.length - 1] && !openImplicitP) {
      html.push('<p>');
      openImplicitP = true;
    }
  };

  for (const part of parts) {
    if (removed[part.index] === 1) continue;
    const stack: Frame[] = [];
    const enter = (element: ElementNode, parent: Frame | null): void => {
      const tag = element.tag === 'h1' ? 'h2' : element.tag;
      const textSkipped = (parent?.textSkipped ?? false) || TEXT_SKIPPED.has(tag) || isCaptionLike(element, removed);
      const inPre = (parent?.inPre ?? false) || tag === 'pre';
      const inLink = (parent?.inLink ?? false) || tag === 'a';
      if (BLOCK_TAGS.has(element.tag)) flushLine();
      let written: string | null = null;
      if (KEPT_BLOCKS.has(tag) && openInline === 0) {
        closeImplicitP();
        written = tag;
        html.push(`<${tag}${keptAttributes(tag, element)}>`);
        holderStack.push(TEXT_HOLDERS.has(tag));
      } else if (KEPT_INLINE.has(tag)) {
        const opening = inlineOpening(tag, element, baseUrl, images, iframeHosts);
        if (opening !== null) {
          if (tag !== 'br' && tag !== 'iframe') ensureTextHolder();
          if (tag === 'iframe') closeImplicitP();
          html.push(opening);
          written = VOID_TAGS.has(tag) || tag === 'iframe' ? null : tag;
          if (tag === 'iframe') html.push('</iframe>');
          if (written !== null) {
            holderStack.push(true);
            openInline++;
          }
        }
        if (tag === 'br' && !textSkipped) flushLine();
      } else if (BLOCK_TAGS.has(element.tag) && openInline === 0) {
        closeImplicitP();
      }
      stack.push({ element, position: 0, written, textSkipped, inPre, inLink });
    };
    const exit = (frame: Frame): void => {
      if (frame.written !== null) {
        if (KEPT_BLOCKS.has(frame.written)) closeImplicitP();
        else openInline--;
        html.push(`</${frame.written}>`);
        holderStack.pop();
      } else if (BLOCK_TAGS.has(frame.element.tag) && openInline === 0) {
        closeImplicitP();
      }
      if (BLOCK_TAGS.has(frame.element.tag)) flushLine();
    };

    enter(part, null);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.position >= frame.element.children.length) {
        stack.pop();
        exit(frame);
        continue;
      }
      const child = frame.element.children[frame.position++];
      if (child.kind === 'element') {
        if (removed[child.index] === 0) enter(child, frame);
        continue;
      }
      const data = frame.inPre ? child.data : child.data.replace(/[\s\u200b]+/g, ' ');
      if (data.trim().length === 0) {
        if (data.length > 0 && line.length > 0 && !line.endsWith(' ')) line += ' ';
        if (openImplicitP || holderStack[holderStack.length - 1]) html.push(' ');
        continue;
      }
      ensureTextHolder();
      html.push(escapeText(data));
      if (!frame.textSkipped) {
        line += data;
        if (frame.inLink) linkTextLength += data.trim().length;
      }
    }
    closeImplicitP();
    flushLine();
  }
  return { html: html.join('').replace(/<p>\s*<\/p>/g, ''), text: lines.join('\n'), images, linkTextLength };
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
