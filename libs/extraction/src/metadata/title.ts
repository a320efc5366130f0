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

/** What a page offers as its title, by source. */
export interface TitleCandidates {
  /** JSON-LD `headline`/`name`. */
  readonly jsonLd: string | null;
  /** `og:title` and kin. */
  readonly meta: string | null;
  /** `<title>`. */
  readonly document: string | null;
  /** Texts of `<h1>` elements, then of `<h2>` elements, in document order. */
  readonly h1s: readonly string[];
  readonly h2s: readonly string[];
  /** Site name and host names, to recognise a title that is only the site's name. */
  readonly siteNames: readonly string[];
}

/** A chosen title and where it came from. */
export interface ChosenTitle {
  readonly value: string;
  readonly source: 'json-ld' | 'meta' | 'dom';
}

function isSiteName(title: string, siteNames: readonly string[]): boolean {
  const key = titleKey(title);
  return (
    key.length === 0 ||
    siteNames.some((name) => titleKey(name) === key || (titleKey(name).length >= 4 && key === titleKey(name.split('.')[0])))
  );
}

/**
 * Picks the headline: the publisher's declared title (JSON-LD, then Open Graph, then `<title>`, site name
 * stripped), checked against the visible `<h1>`: when both name the story, the shorter wins, as the longer one
 * carries extras (the declared one the site's name, the `<h1>` a kicker or a dateline).
 * A declared title that is just the site's name (blogs) gives way to the headings.
 */
export function chooseTitle(candidates: TitleCandidates): ChosenTitle | null {
  const { siteNames } = candidates;
  const truncated = candidates.jsonLd !== null && /(?:…|\.\.\.)$/.test(candidates.jsonLd);
  const declared: ChosenTitle[] = [];
  if (candidates.jsonLd !== null && !truncated) declared.push({ value: candidates.jsonLd, source: 'json-ld' });
  if (candidates.meta !== null) declared.push({ value: cleanTitle(candidates.meta, siteNames), source: 'meta' });
  if (candidates.document !== null) declared.push({ value: cleanTitle(candidates.document, siteNames), source: 'meta' });
  const usable = declared.filter((d) => !isSiteName(d.value, siteNames));
  const headings = candidates.h1s.filter((h) => !isSiteName(h, siteNames));

  for (const title of usable) {
    const h1 = headings.find((heading) => titlesMatch(heading, title.value));
    if (h1 === undefined) continue;
    // The longer of the two carries something extra: a declared title the site's name, an <h1> a kicker
    // ("Klimaschutz: ...") or a dateline. The shorter is the headline.
    return titleKey(h1).length <= titleKey(title.value).length ? { value: h1, source: 'dom' } : title;
  }
  if (usable.length > 0) return usable[0];
  if (headings.length > 0) return { value: headings[0], source: 'dom' };
  const h2 = candidates.h2s.find((heading) => !isSiteName(heading, siteNames) && heading.split(/\s+/).length >= 2);
  if (h2 !== undefined) return { value: h2, source: 'dom' };
  if (truncated && candidates.jsonLd !== null) return { value: candidates.jsonLd, source: 'json-ld' };
  return declared[0] ?? null;
}
