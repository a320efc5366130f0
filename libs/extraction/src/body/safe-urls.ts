import type { ElementNode } from '../dom/html-tree';

/** Hosts whose iframes are kept in the body HTML: video, audio and chart players that newsrooms embed. */
export const DEFAULT_IFRAME_HOSTS: readonly string[] = [
  'www.youtube.com',
  'youtube.com',
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'www.dailymotion.com',
  'w.soundcloud.com',
  'open.spotify.com',
  'datawrapper.dwcdn.net',
  'flo.uri.sh',
  'e.infogram.com',
  'www.google.com',
];

const IFRAME_PATHS: Readonly<Record<string, RegExp>> = {
  'www.google.com': /^\/maps\/embed/,
};

/** Resolves `value` against `base` and returns it when its scheme is one of `schemes`. */
export function resolveUrl(value: string | undefined, base: URL | null, schemes: readonly string[] = ['http:', 'https:']): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 4096) return null;
  try {
    const url = base === null ? new URL(trimmed) : new URL(trimmed, base);
    return schemes.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A link target that is safe to keep: http(s) or mailto, absolute. */
export function safeLinkUrl(href: string | undefined, base: URL | null): string | null {
  if (href !== undefined && href.trim().startsWith('#')) return null;
  return resolveUrl(href, base, ['http:', 'https:', 'mailto:']);
}

/** An iframe source on the allow-list, or null. */
export function safeEmbedUrl(src: string | undefined, base: URL | null, hosts: readonly string[] = DEFAULT_IFRAME_HOSTS): string | null {
  const resolved = resolveUrl(src?.startsWith('//') ? `https:${src}` : src, base, ['https:']);
  if (resolved === null) return null;
  const url = new URL(resolved);
  if (!hosts.includes(url.hostname)) return null;
  const path = IFRAME_PATHS[url.hostname];
  return path === undefined || path.test(url.pathname) ? resolved : null;
}

// 1x1 beacons and spacer images carry no picture.
const PIXEL_SOURCE = /(?:^|[/_.-])(?:pixel|spacer|blank|transparent|beacon|tracking|1x1)(?:[/_.-]|$)/i;
const LAZY_SOURCE_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'src'];

/** The real source of an image (lazy-loading attributes first), absolute, or null for pixels and placeholders. */
export function safeImageSource(img: ElementNode, base: URL | null): string | null {
  const attrs = img.attrs;
  const width = Number.parseInt(attrs.width ?? '', 10);
  const height = Number.parseInt(attrs.height ?? '', 10);
  if ((Number.isFinite(width) && width <= 2) || (Number.isFinite(height) && height <= 2)) return null;
  for (const name of LAZY_SOURCE_ATTRIBUTES) {
    const value = attrs[name];
    if (value === undefined || value.trim() === '' || value.trim().startsWith('data:')) continue;
    const resolved = resolveUrl(value.startsWith('//') ? `https:${value}` : value, base);
    if (resolved !== null && !PIXEL_SOURCE.test(resolved)) return resolved;
  }
  const srcset = attrs['data-srcset'] ?? attrs.srcset;
  if (srcset !== undefined) {
    const first = srcset.trim().split(/\s+/)[0];
    const resolved = resolveUrl(first?.startsWith('//') ? `https:${first}` : first, base);
    if (resolved !== null && !PIXEL_SOURCE.test(resolved)) return resolved;
  }
  return null;
}
