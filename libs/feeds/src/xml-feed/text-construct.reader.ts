import type { TextConstruct } from '../feed.types';
import { sanitizeHtml } from '../html/html.sanitizer';
import { decodeBase64Text, HTML_TYPES, looksLikeHtml, mapContentType, markupToText, repairText, squash } from '../text/feed-text';
import type { XmlElement, XmlNode } from '../xml/xml.types';
import type { FeedScope } from './element.helpers';
import { attr, ownText } from './element.helpers';
import { serializeInline } from './inline-xml.serializer';

const significant = (nodes: readonly XmlNode[]): XmlNode[] => nodes.filter((n) => n.kind === 'element' || n.value.trim() !== '');

/** The children a lone wrapping `<div>` encloses, or null when the content is not a single div. */
function unwrapDiv(nodes: readonly XmlNode[]): readonly XmlNode[] | null {
  const [only, ...rest] = significant(nodes);
  return rest.length === 0 && only?.kind === 'element' && only.local.toLowerCase() === 'div' ? only.children : null;
}

/**
 * Reads a text element (title, summary, content, rights…) the way Atom and RSS readers agree on: `type`
 * (and Atom 0.3 `mode`) pick plain text, escaped HTML, inline XHTML or base64; markup is sanitized with URLs
 * resolved against the element's xml:base; RSS text that is really HTML is recognised as such.
 */
export function readTextConstruct(el: XmlElement, defaultType: string, scope: FeedScope): TextConstruct {
  let type = mapContentType(attr(el, 'type') ?? defaultType);
  const base64 =
    attr(el, 'mode')?.toLowerCase() === 'base64' || !(type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('/xml'));

  let nodes: readonly XmlNode[] = el.children;
  let value: string;
  if (type === 'application/xhtml+xml') {
    // Atom 1.0 wraps XHTML content in a div that is not part of the content.
    if (scope.version === 'atom10') nodes = unwrapDiv(nodes) ?? nodes;
    value = serializeInline(nodes);
  } else if (nodes.some((n) => n.kind === 'element') && !type.endsWith('xml')) {
    // Declared as text or escaped HTML but holds real elements: it is inline markup after all
    // (TypePad-style wrapping divs excepted).
    let inner: readonly XmlNode[] | null = nodes;
    while ((inner = unwrapDiv(nodes)) !== null) nodes = inner;
    if (nodes.some((n) => n.kind === 'element')) {
      type = 'application/xhtml+xml';
      value = serializeInline(nodes);
    } else {
      value = nodes.map((n) => (n.kind === 'text' ? n.value : '')).join('');
    }
  } else {
    value = ownText(el);
  }
  value = value.trim();

  if (base64) value = decodeBase64Text(value) ?? value;
  if (!scope.version.startsWith('atom') && type === 'text/plain' && looksLikeHtml(value)) type = 'text/html';
  const base = scope.baseOf(el);
  const markup = repairText(value);
  if (HTML_TYPES.has(type)) value = sanitizeHtml(value, { base, xhtml: type === 'application/xhtml+xml' });
  value = repairText(value);

  const src = attr(el, 'src');
  return {
    value,
    type,
    base: base || null,
    language: scope.languageOf(el),
    ...(src ? { src: scope.resolve(el, src) } : {}),
    ...(markup !== value ? { raw: markup } : {}),
  };
}

/** Plain text of a text construct: markup stripped for HTML types, white space collapsed. */
export function textOf(construct: TextConstruct | null): string | null {
  if (construct === null) return null;
  return HTML_TYPES.has(construct.type) ? markupToText(construct.value) : squash(construct.value);
}
