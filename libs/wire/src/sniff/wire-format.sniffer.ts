import type { WireFormat } from '../wire-article.types';

/** Media types of the wire formats, as the CLI sends them and the API is to accept them. */
export const WIRE_MEDIA_TYPES = {
  newsItem: 'application/vnd.iptc.g2.newsitem+xml',
  newsMessage: 'application/vnd.iptc.g2.newsmessage+xml',
  packageItem: 'application/vnd.iptc.g2.packageitem+xml',
  nitf: 'application/nitf+xml',
  ninjs: 'application/ninjs+json',
  xml: 'application/xml',
} as const;

/** Which syntax a document is in: by its media type when that says, else by its first character. */
export type WireSyntax = 'xml' | 'json';

export interface WireSniff {
  format: WireFormat;
  /** The root element's local name (XML), or null (JSON). */
  root: string | null;
  /** The most precise media type for the document (`application/vnd.iptc.g2.newsitem+xml`…). */
  mediaType: string;
}

/** Media types that say nothing about the content: the bytes decide. */
const UNINFORMATIVE = new Set(['', 'application/octet-stream', 'text/plain', 'binary/octet-stream']);

/** The media type's essence, lower case, without parameters; '' when absent. */
export function mediaTypeEssence(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * The syntax a media type announces: XML (`application/xml`, `text/xml`, any `+xml`, NewsML-G2's `vnd.iptc.g2.*`),
 * JSON (`application/json`, any `+json`, `application/ninjs+json`), `unknown` for none or octet-stream (the content
 * decides), or null for a type that is neither (HTML, images).
 */
export function syntaxOfMediaType(contentType: string | null | undefined): WireSyntax | 'unknown' | null {
  const essence = mediaTypeEssence(contentType);
  if (UNINFORMATIVE.has(essence)) return 'unknown';
  if (essence === 'application/xml' || essence === 'text/xml' || essence.endsWith('+xml')) return 'xml';
  if (essence === 'application/json' || essence.endsWith('+json')) return 'json';
  return null;
}

/** The syntax the text itself shows: its first significant character (after a byte-order mark and spaces). */
export function syntaxOfText(text: string): WireSyntax | null {
  const first = /^\uFEFF?\s*(\S)/.exec(text.slice(0, 4096))?.[1];
  if (first === '<') return 'xml';
  if (first === '{' || first === '[') return 'json';
  return null;
}

const PROLOG = /^\uFEFF?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i;

/** The local name of the root element, read from the start of the text without parsing the document. */
export function rootElementName(text: string): string | null {
  const head = text.slice(0, 64 * 1024);
  const prolog = PROLOG.exec(head)?.[0].length ?? 0;
  const match = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(head.slice(prolog));
  return match ? match[2] : null;
}

/** The wire format and media type a root element name means, or null for other XML (RSS, HTML, SVG…). */
export function formatOfRoot(root: string): WireSniff | null {
  switch (root.toLowerCase()) {
    case 'newsitem':
      return { format: 'newsml-g2', root, mediaType: WIRE_MEDIA_TYPES.newsItem };
    case 'newsmessage':
      return { format: 'newsml-g2', root, mediaType: WIRE_MEDIA_TYPES.newsMessage };
    case 'packageitem':
      return { format: 'newsml-g2', root, mediaType: WIRE_MEDIA_TYPES.packageItem };
    case 'contentmeta':
    case 'contentset':
    case 'itemmeta':
    case 'planningitem':
    case 'conceptitem':
    case 'knowledgeitem':
      return { format: 'newsml-g2', root, mediaType: WIRE_MEDIA_TYPES.xml };
    case 'nitf':
      return { format: 'nitf', root, mediaType: WIRE_MEDIA_TYPES.nitf };
    default:
      return null;
  }
}

/**
 * Which wire format a document is in, from its media type and its first bytes, without reading it all: for the CLI
 * to pick a media type, for an API to route. Null when it is not NewsML-G2, NITF or ninjs (or the media type says
 * something else). `parseWire` decides the same way and says why it refuses.
 */
export function sniffWireFormat(text: string, contentType?: string | null): WireSniff | null {
  const declared = syntaxOfMediaType(contentType);
  if (declared === null) return null;
  const syntax = declared === 'unknown' ? syntaxOfText(text) : declared;
  if (syntax === 'xml') {
    const root = rootElementName(text);
    return root ? formatOfRoot(root) : null;
  }
  if (syntax === 'json') return looksLikeNinjs(text) ? { format: 'ninjs', root: null, mediaType: WIRE_MEDIA_TYPES.ninjs } : null;
  return null;
}

/** ninjs has one required property, `uri`; its other usual ones confirm it without parsing the whole document. */
function looksLikeNinjs(text: string): boolean {
  return /"(?:uri|guid)"\s*:/.test(text) && /"(?:headlines?|bodies|body_(?:text|html|xhtml)|versioncreated|type|standard)"\s*:/i.test(text);
}
