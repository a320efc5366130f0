/**
 * Query parameters that only track how a reader arrived, never which article it is. Compared lower-case;
 * names ending in `*` are prefixes. Kept deliberately to well-known names: dropping a real parameter
 * (`?id=123`) would merge different articles.
 */
// prettier-ignore
export const TRACKING_PARAMETERS: readonly string[] = [
  'utm_*', // Google Analytics campaign tags
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'igsh', 'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'hsctatracking', 'mkt_tok', 'vero_id',
  'oly_anon_id', 'oly_enc_id', 'rb_clickid', 's_cid', 'wt.mc_id', 'at_medium', 'at_campaign', 'at_custom*',
  'cmpid', 'ncid', 'ocid', 'sr_share', 'share', 'smid', 'ref_src', 'ref_url', 'taid', 'guccounter', 'guce_referrer*',
];

const exact = new Set(TRACKING_PARAMETERS.filter((name) => !name.endsWith('*')));
const prefixes = TRACKING_PARAMETERS.filter((name) => name.endsWith('*')).map((name) => name.slice(0, -1));

/** Options of {@link canonicalizeUrl}. */
export interface CanonicalizeUrlOptions {
  /** Resolves relative URLs (the page URL when reading `<link rel=canonical href="/a">`). */
  base?: string;
}

/**
 * The canonical form of an article URL, or null when it is not an absolute (or resolvable) http(s) URL.
 * WHATWG URL parsing lower-cases scheme and host, converts IDNs to punycode, drops default ports and resolves
 * dot segments; on top of that credentials, the fragment, tracking parameters ({@link TRACKING_PARAMETERS}),
 * empty query pairs, an empty `?` and a trailing dot in the host are removed. Remaining parameters keep their
 * order and their original encoding; path case and trailing slashes are kept (servers differ on both).
 */
export function canonicalizeUrl(url: string, options: CanonicalizeUrlOptions = {}): string | null {
  let parsed: URL;
  try {
    parsed = options.base === undefined ? new URL(url.trim()) : new URL(url.trim(), options.base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.replace(/\.+$/, '');
  // Filter the raw query rather than URLSearchParams: re-serialising would re-encode what the publisher wrote.
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParameter(pair));
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return parsed.href;
}

function isTrackingParameter(pair: string): boolean {
  const rawName = pair.split('=', 1)[0];
  let name: string;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return false;
  }
  return exact.has(name) || prefixes.some((prefix) => name.startsWith(prefix));
}

/** Candidate URLs of one fetched page. */
export interface CanonicalUrlCandidates {
  /** `<link rel="canonical" href>`, as written (may be relative). */
  relCanonical?: string | null;
  /** `<meta property="og:url" content>`, as written. */
  ogUrl?: string | null;
  /** The URL the page was fetched from, after redirects. */
  pageUrl: string;
}

/**
 * The article's canonical URL: `rel=canonical`, else `og:url`, else the page URL, each canonicalized and
 * resolved against the page URL. A declared URL pointing at the site's home page while the page itself is
 * deeper is skipped: it is a common template mistake and would merge every article of the site.
 */
export function pickCanonicalUrl(candidates: CanonicalUrlCandidates): string | null {
  const page = canonicalizeUrl(candidates.pageUrl);
  const pageIsHome = page !== null && new URL(page).pathname === '/';
  for (const declared of [candidates.relCanonical, candidates.ogUrl]) {
    if (!declared?.trim()) continue;
    const url = canonicalizeUrl(declared, page ? { base: page } : {});
    if (url && (pageIsHome || new URL(url).pathname !== '/')) return url;
  }
  return page;
}
