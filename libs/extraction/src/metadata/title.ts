import { collapseWhitespace } from '../dom/text-measure';

// Separators between a headline and the site name in <title> and og:title.
const TITLE_SEPARATOR = /\s+[|–—·•»:]\s+|\s+-\s+|\s+\/\s+|\s*\|\s*|\s+::\s+/;

/** Lower-case letters and digits only: for comparing titles across punctuation and case. */
export function titleKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when two titles are the same headline (one may carry a site suffix or prefix). */
export function titlesMatch(a: string, b: string): boolean {
  const x = titleKey(a);
  const y = titleKey(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x === y) return true;
  const shorter = x.length < y.length ? x : y;
  const longer = x.length < y.length ? y : x;
  return shorter.length >= 10 && longer.includes(shorter);
}

function siteLike(part: string, siteNames: readonly string[]): boolean {
  const key = titleKey(part);
  if (key.length === 0) return true;
  return siteNames.some((name) => {
    const site = titleKey(name);
    return site.length > 0 && (key === site || key.includes(site) || (site.includes(key) && key.length >= 3));
  });
}

/**
 * Strips the site name from a `<title>`-style string: "Headline | Site", "Site - Headline", "Headline - Section - Site".
 * Only parts that look like the site (its name or host) are removed, so headlines with dashes survive.
 */
export function cleanTitle(raw: string, siteNames: readonly string[]): string {
  const title = collapseWhitespace(raw.replace(/\u00ad/g, ''));
  const parts = title.split(TITLE_SEPARATOR).filter((part) => part.length > 0);
  if (parts.length < 2) return title;
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && siteLike(parts[end - 1], siteNames)) end--;
  while (end - start > 1 && siteLike(parts[start], siteNames)) start++;
  if (start === 0 && end === parts.length) {
    // No part names the site: a short last part ("Headline | Foo News") is still most likely the site.
    const last = parts[parts.length - 1];
    if (parts.length === 2 && last.split(/\s+/).length <= 3 && parts[0].length > last.length * 2 && /[|–—·•»]/.test(title)) {
      return parts[0];
    }
    return title;
  }
  // Keep the original separators inside the kept range.
  const kept = parts.slice(start, end);
  const from = title.indexOf(kept[0]);
  const lastKept = kept[kept.length - 1];
  const to = title.indexOf(lastKept, from) + lastKept.length;
  return from >= 0 && to > from ? title.slice(from, to) : kept.join(' - ');
}
