/**
 * Relative reference resolution for feed URLs. Deliberately not WHATWG `new URL()`: ids and links are compared
 * as strings downstream, so a resolver must not lowercase hosts, punycode IRIs or re-encode paths
 * (`http://www.EXAMPLE.org/%7Ebob` stays as written). Semantics follow RFC 3986 §5.2 as Python's urljoin does.
 */

/** Schemes a link, xml:base or HTML attribute may use; anything else (javascript:, data:, vbscript:) is dropped. */
export const ACCEPTABLE_URI_SCHEMES: ReadonlySet<string> = new Set([
  'file',
  'ftp',
  'gopher',
  'h323',
  'hdl',
  'http',
  'https',
  'imap',
  'magnet',
  'mailto',
  'mms',
  'news',
  'nntp',
  'prospero',
  'rsync',
  'rtsp',
  'rtspu',
  'sftp',
  'shttp',
  'sip',
  'sips',
  'snews',
  'svn',
  'svn+ssh',
  'telnet',
  'wais',
  'aim',
  'callto',
  'cvs',
  'facetime',
  'feed',
  'git',
  'gtalk',
  'irc',
  'ircs',
  'irc6',
  'itms',
  'msnim',
  'skype',
  'ssh',
  'smb',
  'ymsg',
  'tel',
  'urn',
  'tag',
]);

// Schemes whose references resolve against a base, and schemes with an authority part (Python's urllib lists).
const USES_RELATIVE = new Set([
  '',
  'ftp',
  'http',
  'gopher',
  'nntp',
  'imap',
  'wais',
  'file',
  'https',
  'shttp',
  'mms',
  'prospero',
  'rtsp',
  'rtsps',
  'rtspu',
  'sftp',
  'svn',
  'svn+ssh',
  'ws',
  'wss',
]);
const USES_NETLOC = new Set([
  '',
  'ftp',
  'http',
  'gopher',
  'nntp',
  'telnet',
  'imap',
  'wais',
  'file',
  'mms',
  'https',
  'shttp',
  'snews',
  'prospero',
  'rtsp',
  'rtsps',
  'rtspu',
  'rsync',
  'svn',
  'svn+ssh',
  'sftp',
  'nfs',
  'git',
  'git+ssh',
  'ws',
  'wss',
]);

interface UrlParts {
  scheme: string;
  netloc: string | null;
  path: string;
  query: string | null;
  fragment: string | null;
}

/** The lowercased scheme of an absolute reference, or '' for a relative one. */
export function schemeOf(url: string): string {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  return match ? match[1].toLowerCase() : '';
}

function split(url: string, defaultScheme: string): UrlParts {
  let rest = url;
  let scheme = defaultScheme;
  const own = schemeOf(url);
  if (own) {
    scheme = own;
    rest = url.slice(own.length + 1);
  }
  let netloc: string | null = null;
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    netloc = end < 0 ? rest.slice(2) : rest.slice(2, end + 2);
    rest = end < 0 ? '' : rest.slice(end + 2);
  }
  let fragment: string | null = null;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let query: string | null = null;
  const question = rest.indexOf('?');
  if (question >= 0) {
    query = rest.slice(question + 1);
    rest = rest.slice(0, question);
  }
  return { scheme, netloc, path: rest, query, fragment };
}

function unsplit({ scheme, netloc, path, query, fragment }: UrlParts): string {
  let url = path;
  if (netloc || (scheme && USES_NETLOC.has(scheme) && !url.startsWith('//'))) {
    if (url && !url.startsWith('/')) url = `/${url}`;
    url = `//${netloc ?? ''}${url}`;
  }
  if (scheme) url = `${scheme}:${url}`;
  if (query) url += `?${query}`;
  if (fragment) url += `#${fragment}`;
  return url;
}

function removeDotSegments(basePath: string, path: string): string {
  let segments: string[];
  if (path.startsWith('/')) {
    segments = path.split('/');
  } else {
    const baseParts = basePath.split('/');
    if (baseParts[baseParts.length - 1] !== '') baseParts.pop();
    segments = [...baseParts, ...path.split('/')];
    // Empty inner segments would re-join as doubled slashes.
    segments = [segments[0], ...segments.slice(1, -1).filter(Boolean), ...segments.slice(-1)];
  }
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === '..') resolved.pop();
    else if (segment !== '.') resolved.push(segment);
  }
  const last = segments[segments.length - 1];
  if (last === '.' || last === '..') resolved.push('');
  return resolved.join('/') || '/';
}

/**
 * Resolves `ref` against `base` (RFC 3986 §5.2, Python urljoin semantics). Extra slashes after `scheme://`
 * are repaired (`http:///example.com/` → `http://example.com/`); references in non-hierarchical schemes
 * (tag:, urn:, mailto:) are returned unchanged.
 */
export function joinUrl(base: string, ref: string): string {
  const fixed = ref.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)\/*/, '$1');
  if (!base) return fixed;
  if (!fixed) return base;
  const b = split(base, '');
  const r = split(fixed, b.scheme);
  if (r.scheme !== b.scheme || !USES_RELATIVE.has(r.scheme)) return fixed;
  if (USES_NETLOC.has(r.scheme)) {
    if (r.netloc) return unsplit(r);
    r.netloc = b.netloc;
  }
  if (!r.path) {
    return unsplit({ ...r, path: b.path, query: r.query ?? b.query });
  }
  return unsplit({ ...r, path: removeDotSegments(b.path, r.path) });
}

/**
 * `joinUrl` restricted to acceptable schemes: returns '' when the result would be, say, `javascript:`.
 * With no `ref`, checks `base` itself. With no base, returns `ref` as given (it may stay relative).
 */
export function safeJoinUrl(base: string, ref?: string): string {
  if (!base) return ref ?? '';
  if (!ref) {
    const scheme = schemeOf(base);
    return !scheme || ACCEPTABLE_URI_SCHEMES.has(scheme) ? base : '';
  }
  const joined = joinUrl(base, ref);
  const scheme = schemeOf(joined.trim());
  return scheme && !ACCEPTABLE_URI_SCHEMES.has(scheme) ? '' : joined;
}
