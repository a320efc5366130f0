import { textToHtml } from '../article/text-to-html';
import { type NitfBody, readNitfBody } from '../nitf/nitf-body.reader';
import { WireParseError, WireParseErrorCode } from '../wire.exception';
import type { WireLimits } from '../wire.limits';
import type { WireReference } from '../wire-article.types';
import { type ElementMapper, plainAttributes, serializeContent } from '../xml/markup.serializer';
import { attr, child, descendants, elements, is, isElement, toInteger } from '../xml/xml-element.helpers';
import { readXml } from '../xml/xml-tree.reader';
import type { XmlDocument, XmlElement } from '../xml/xml.types';

/** The copy of a news item: HTML, plus what NITF's body head said when the copy was NITF. */
export interface ItemContent {
  bodyHtml: string | null;
  nitf: NitfBody | null;
  /** `remoteContent` renditions: never fetched, listed. */
  remote: WireReference[];
}

const XHTML_DROPPED = new Set(['head', 'script', 'style', 'title']);

/** XHTML kept as it is (the sanitizer decides what stays); the document wrapper unwrapped. */
const xhtmlToHtml: ElementMapper = (element) => {
  const name = element.name.toLowerCase();
  if (XHTML_DROPPED.has(name)) return 'drop';
  if (name === 'html' || name === 'body') return 'unwrap';
  return { tag: name, attributes: plainAttributes(element) };
};

type Candidate = { rank: number; read: () => { bodyHtml: string | null; nitf: NitfBody | null } };

/**
 * Reads `contentSet`. Agencies send the same copy in several forms; the richest wins: NITF, then XHTML (inline XML),
 * then HTML, NITF or XHTML escaped in `inlineData`, then plain text. Inline data in base64 is decoded.
 * Content in `remoteContent` is listed as references, not fetched.
 */
export function readContentSet(contentSet: XmlElement | null, limits: WireLimits, issues: string[]): ItemContent {
  const candidates: Candidate[] = [];
  for (const element of elements(contentSet)) {
    if (is(element, 'inlineXML')) candidates.push(inlineXmlCandidate(element));
    else if (is(element, 'inlineData')) candidates.push(inlineDataCandidate(element, limits, issues));
  }
  const remote = elements(contentSet, 'remoteContent').map(remoteReference);
  const best = candidates.filter((c) => c.rank > 0).sort((a, b) => b.rank - a.rank)[0];
  return { ...(best ? best.read() : { bodyHtml: null, nitf: null }), remote };
}

function inlineXmlCandidate(inline: XmlElement): Candidate {
  const nitf = is(inline, 'nitf') ? inline : (descendants(inline, 'nitf')[0] ?? null);
  if (nitf) return nitfCandidate(nitf, 4);
  const bodyContent = descendants(inline, 'body.content')[0];
  if (bodyContent) return nitfCandidate({ ...inline, name: 'nitf', children: [{ ...inline, name: 'body', children: [bodyContent] }] }, 4);
  const hasMarkup = inline.children.some(isElement);
  const hasText = inline.children.some((c) => typeof c === 'string' && c.trim() !== '');
  if (!hasMarkup && !hasText) return { rank: 0, read: () => ({ bodyHtml: null, nitf: null }) };
  return { rank: 3, read: () => ({ bodyHtml: serializeContent(inline, xhtmlToHtml), nitf: null }) };
}

function nitfCandidate(nitf: XmlElement, rank: number): Candidate {
  return {
    rank,
    read: () => {
      const body = readNitfBody(child(nitf, 'body'));
      return { bodyHtml: body.bodyHtml, nitf: body };
    },
  };
}

function inlineDataCandidate(inline: XmlElement, limits: WireLimits, issues: string[]): Candidate {
  const type = (attr(inline, 'contenttype') ?? 'text/plain').toLowerCase().split(';')[0].trim();
  const raw = inline.children.filter((c): c is string => typeof c === 'string').join('');
  const data = attr(inline, 'encoding')?.toLowerCase() === 'base64' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (!data.trim()) return { rank: 0, read: () => ({ bodyHtml: null, nitf: null }) };
  if (type.endsWith('nitf+xml') || type.endsWith('xhtml+xml') || type === 'application/xml' || type === 'text/xml') {
    return { rank: 2, read: () => escapedXml(data, limits, issues) };
  }
  if (type === 'text/html') return { rank: 2, read: () => ({ bodyHtml: data, nitf: null }) };
  return { rank: 1, read: () => ({ bodyHtml: textToHtml(data), nitf: null }) };
}

/** XML carried as escaped text: read with the same limits; when it is not XML after all, it is HTML. */
function escapedXml(data: string, limits: WireLimits, issues: string[]): { bodyHtml: string | null; nitf: NitfBody | null } {
  let document: XmlDocument;
  try {
    document = readXml(data, limits);
  } catch (err) {
    // Labelled XML but holding no element: it is text. Bombs and limits still refuse the whole document.
    if (err instanceof WireParseError && err.code === WireParseErrorCode.NotWire) return { bodyHtml: textToHtml(data), nitf: null };
    throw err;
  }
  const { root, issues: nested } = document;
  issues.push(...nested);
  const nitf = is(root, 'nitf') ? root : (descendants(root, 'nitf')[0] ?? null);
  if (nitf) {
    const body = readNitfBody(child(nitf, 'body'));
    return { bodyHtml: body.bodyHtml, nitf: body };
  }
  return { bodyHtml: serializeContent({ ...root, name: 'div', children: [root] }, xhtmlToHtml), nitf: null };
}

function remoteReference(remote: XmlElement): WireReference {
  return {
    guid: attr(remote, 'residref'),
    version: toInteger(attr(remote, 'version')),
    href: attr(remote, 'href'),
    itemClass: null,
    contentType: attr(remote, 'contenttype'),
    title: null,
    role: attr(remote, 'rendition') ?? 'remoteContent',
  };
}
