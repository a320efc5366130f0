/** A parsed Content-Type: the lower-cased essence (`text/html`) and its parameters. */
export interface MediaType {
  essence: string;
  params: Record<string, string>;
}

/**
 * What the fetcher accepts by default: pages, feeds, and the JSON/plain-text shapes feeds come in.
 * Patterns: exact (`text/html`), `type/*`, `*\/*`, and structured-syntax suffixes (`*+xml`, `*+json`).
 */
export const DEFAULT_ACCEPTED_CONTENT_TYPES: readonly string[] = [
  'text/html',
  'application/xhtml+xml',
  'text/xml',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  '*+xml',
  'application/feed+json',
  'application/json',
  '*+json',
  'text/plain',
];

/** The Accept header sent when the caller gives none. */
export const DEFAULT_ACCEPT_HEADER =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,' +
  'application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,text/plain;q=0.5,*/*;q=0.1';

/** Parses a Content-Type header; undefined when absent or without a `type/subtype`. */
export function parseMediaType(header: string | undefined): MediaType | undefined {
  if (!header) return undefined;
  const [head = '', ...rest] = header.split(';');
  const essence = head.trim().toLowerCase();
  if (!/^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/.test(essence)) return undefined;
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name && !(name in params)) params[name] = value;
  }
  return { essence, params };
}

/** Does this essence match one of the patterns (see {@link DEFAULT_ACCEPTED_CONTENT_TYPES})? */
export function isContentTypeAccepted(essence: string, patterns: readonly string[]): boolean {
  return patterns.some((raw) => {
    const pattern = raw.toLowerCase();
    if (pattern === '*/*' || pattern === essence) return true;
    if (pattern.endsWith('/*')) return essence.startsWith(pattern.slice(0, -1));
    if (pattern.startsWith('*+')) return essence.endsWith(pattern.slice(1));
    return false;
  });
}

/** Whether a body of this type is text worth decoding (HTML, XML, JSON, plain text, scripts). */
export function isTextualMediaType(essence: string): boolean {
  return (
    essence.startsWith('text/') ||
    essence.endsWith('/xml') ||
    essence.endsWith('+xml') ||
    essence.endsWith('/json') ||
    essence.endsWith('+json') ||
    essence === 'application/javascript' ||
    essence === 'application/ecmascript'
  );
}
