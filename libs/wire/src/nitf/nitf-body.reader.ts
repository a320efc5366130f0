import { attr, child, descendants, elements, is, text } from '../xml/xml-element.helpers';
import { type ElementMapper, plainAttributes, serializeContent } from '../xml/markup.serializer';
import type { XmlElement } from '../xml/xml.types';
import type { WireLocation } from '../wire-article.types';

/** What an NITF `<body>` says: the head's headline, byline, abstract and dateline, and the content as HTML. */
export interface NitfBody {
  title: string | null;
  subheadline: string | null;
  byline: string | null;
  authors: string[];
  description: string | null;
  dateline: string | null;
  located: WireLocation | null;
  copyrightHolder: string | null;
  /** Untrusted HTML of `body.content` (the head and `body.end` are metadata, not copy). */
  bodyHtml: string;
}

// NITF elements that mean the same as an HTML element.
const SAME_AS_HTML = new Set(['p', 'ol', 'ul', 'li', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'pre']);
const INLINE_KEPT = new Set(['em', 'sub', 'sup', 'br', 'hr']);
// Not copy: editorial notes, table and media metadata, binary objects.
const DROPPED = new Set(['note', 'nitf-table-metadata', 'media-metadata', 'media-object', 'col', 'colgroup']);

/**
 * NITF body markup to HTML. Headings, lists, tables, quotes and figures keep their meaning; the semantic inline tags
 * (`person`, `org`, `location`, `chron`, `money`…) keep their text. Everything goes through the sanitizer afterwards.
 */
export const nitfToHtml: ElementMapper = (element) => {
  const name = element.name.toLowerCase();
  if (DROPPED.has(name)) return 'drop';
  if (SAME_AS_HTML.has(name)) return { tag: name, attributes: tableAttributes(element) };
  if (INLINE_KEPT.has(name)) return { tag: name };
  switch (name) {
    case 'hl1':
    case 'hl2':
      return { tag: 'h2' };
    case 'bq':
      return { tag: 'blockquote' };
    case 'credit':
    case 'dt':
    case 'dd':
      return { tag: 'p' };
    case 'a':
      return { tag: 'a', attributes: pick(element, ['href', 'title']) };
    case 'media':
      return { tag: 'figure' };
    case 'media-caption':
      return { tag: 'figcaption' };
    case 'media-reference':
      return mediaReference(element);
    default:
      return 'unwrap';
  }
};

function tableAttributes(element: XmlElement): Record<string, string> {
  return pick(element, ['colspan', 'rowspan', 'start']);
}

function pick(element: XmlElement, names: string[]): Record<string, string> {
  const attributes = plainAttributes(element);
  return Object.fromEntries(names.filter((n) => attributes[n] !== undefined).map((n) => [n, attributes[n]]));
}

function mediaReference(element: XmlElement): ReturnType<ElementMapper> {
  const source = attr(element, 'source') ?? attr(element, 'data');
  const mime = attr(element, 'mime-type') ?? '';
  if (!source || (mime && !mime.startsWith('image/'))) return 'drop';
  const alt = attr(element, 'alternate-text');
  return { tag: 'img', attributes: { src: source, ...(alt ? { alt } : {}) } };
}

/** Reads an NITF `<body>` element (from a whole NITF document or NITF carried inline in NewsML-G2). */
export function readNitfBody(body: XmlElement | null): NitfBody {
  const head = child(body, 'body.head');
  const hedline = child(head, 'hedline');
  const content = elements(body, 'body.content');
  const dateline = child(head, 'dateline');
  return {
    title: text(child(hedline, 'hl1')),
    subheadline: text(child(hedline, 'hl2')),
    ...readByline(child(head, 'byline')),
    description: paragraphs(child(head, 'abstract')),
    dateline: text(dateline),
    located: readLocation(child(dateline, 'location')),
    copyrightHolder: text(child(head, 'rights', 'rights.owner')),
    bodyHtml: content.map((c) => serializeContent(c, nitfToHtml)).join('\n'),
  };
}

/** `By Meredith Jameson, <byttl>Staff Reporter</byttl>` → byline "Meredith Jameson"; the title alone when that is all. */
function readByline(byline: XmlElement | null): { byline: string | null; authors: string[] } {
  if (!byline) return { byline: null, authors: [] };
  const withoutTitle: XmlElement = { ...byline, children: byline.children.filter((c) => typeof c === 'string' || !is(c, 'byttl')) };
  const names = (text(withoutTitle) ?? '')
    .replace(/^by\s+/i, '')
    .replace(/[\s,;:–—-]+$/, '')
    .trim();
  const authors = descendants(byline, 'person')
    .map((p) => text(p))
    .filter((p): p is string => !!p);
  return { byline: names || text(child(byline, 'byttl')), authors };
}

/** Text of block children, one paragraph per line pair (abstracts hold `<p>`s). */
export function paragraphs(element: XmlElement | null): string | null {
  if (!element) return null;
  const blocks = elements(element, 'p');
  if (blocks.length === 0) return text(element);
  const joined = blocks
    .map((p) => text(p))
    .filter(Boolean)
    .join('\n\n');
  return joined || null;
}

/** NITF `location`: its most precise part (city, else region, state, country) as the place, the rest as broader places. */
export function readLocation(location: XmlElement | null): WireLocation | null {
  if (!location) return null;
  const parts = ['city', 'sublocation', 'region', 'state', 'country']
    .map((name) => child(location, name))
    .filter((e): e is XmlElement => e !== null && text(e) !== null);
  const [place, ...broader] = parts;
  if (!place) {
    const name = text(location);
    return name ? { name, qcode: attr(location, 'location-code'), type: null, broader: [] } : null;
  }
  return {
    name: text(place),
    qcode: attr(place, 'iso-cc') ?? attr(location, 'location-code'),
    type: place.name.toLowerCase(),
    broader: broader.map((e) => ({ qcode: attr(e, 'iso-cc'), uri: null, name: text(e), type: e.name.toLowerCase() })),
  };
}
