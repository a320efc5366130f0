import type { ElementNode, HtmlTree } from '../dom/html-tree';
import { collapseWhitespace } from '../dom/text-measure';
import { textContent } from '../dom/tree-text';

/** Metadata-bearing elements of the page body, in document order. */
export interface DomSignals {
  /** `<h1>` and `<h2>` elements (titles of the page, its sections and its teasers). */
  readonly headings: readonly ElementNode[];
  /** Elements that name the author: rel=author, itemprop=author, byline/author classes. */
  readonly bylines: readonly ElementNode[];
  /** Elements that state a date: `<time>`, itemprop dates, date/published classes. */
  readonly dates: readonly ElementNode[];
  /** Elements whose class/id says the content is for subscribers only. */
  readonly paywallMarkers: readonly ElementNode[];
}

const BYLINE_CLASS =
  /(?:^|[\s_-])(?:byline|bylines|by-line|author|authors|author-?name|authorname|author-?box|authorbox|autor|autorin|autorname|writer|contributor|article-author|post-author|entry-author|vcard|creator|reporter)(?=$|[\s_-])/i;
const PAYWALL_CLASS =
  /(?:^|[\s_-])(?:paywall|paywalled|premium-?content|premium-?article|subscriber-?only|subscribers-?only|locked-?content|plus-?content|pay-?wall|article-?locked)(?=$|[\s_-])/i;
const DATE_CLASS =
  /(?:^|[\s_-])(?:date|dates|datum|time|timestamp|published|publish|pubdate|posted|post-date|entry-date|article-date|dateline|meta-date|created|updated|fecha|data)(?=$|[\s_-])/i;
// Caps keep a page with thousands of teasers from making metadata slow.
const MAX_SIGNALS = 60;

/** One pass over the tree collecting headings, byline and date elements. */
export function collectDomSignals(tree: HtmlTree): DomSignals {
  const headings: ElementNode[] = [];
  const bylines: ElementNode[] = [];
  const dates: ElementNode[] = [];
  const paywallMarkers: ElementNode[] = [];
  for (const element of tree.elements) {
    const tag = element.tag;
    const attrs = element.attrs;
    if ((tag === 'h1' || tag === 'h2') && headings.length < 40) headings.push(element);
    if (tag === 'meta' || tag === 'link' || tag === 'script') continue;
    const itemprop = attrs.itemprop?.toLowerCase() ?? '';
    if (bylines.length < MAX_SIGNALS) {
      if (attrs.rel?.toLowerCase() === 'author' || itemprop === 'author' || itemprop === 'creator' || tag === 'address')
        bylines.push(element);
      else if ((attrs.class !== undefined || attrs.id !== undefined) && BYLINE_CLASS.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`))
        bylines.push(element);
    }
    if (
      paywallMarkers.length < 10 &&
      (attrs.class !== undefined || attrs.id !== undefined) &&
      PAYWALL_CLASS.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`)
    ) {
      paywallMarkers.push(element);
    }
    if (dates.length < MAX_SIGNALS) {
      if (tag === 'time' || itemprop.startsWith('date')) dates.push(element);
      else if (tag === 'abbr' && /published|updated/i.test(attrs.class ?? '')) dates.push(element);
      else if ((attrs.class !== undefined || attrs.id !== undefined) && DATE_CLASS.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`))
        dates.push(element);
    }
  }
  return { headings, bylines, dates, paywallMarkers };
}

/** Visible text of an element, whitespace collapsed, bounded for safety. */
export function elementText(element: ElementNode, max = 400): string {
  return collapseWhitespace(textContent(element, undefined, max * 4)).slice(0, max);
}

/**
 * An element's text with its line breaks (`<br>`, blocks) as " | ", which `parseByline` splits on: a name and a role
 * on two lines ("Jane Doe<br>Staff Writer") are two parts, not one name with the role glued on.
 */
export function bylineText(element: ElementNode, max = 200): string {
  return collapseWhitespace(textContent(element, undefined, max * 4, ' | ')).slice(0, max);
}

/**
 * The `content` of a `<meta itemprop="name">` inside a microdata author (`<div itemprop="author" itemscope>`), which
 * names the author without any visible text. Only the element's own children and grandchildren are looked at.
 */
export function microdataName(element: ElementNode): string {
  const queue: { node: ElementNode; depth: number }[] = [{ node: element, depth: 0 }];
  for (let i = 0; i < queue.length && i < 50; i++) {
    const { node, depth } = queue[i];
    for (const child of node.children) {
      if (child.kind !== 'element') continue;
      if (child.tag === 'meta' && child.attrs.itemprop?.toLowerCase() === 'name')
        return collapseWhitespace(child.attrs.content ?? '').slice(0, 200);
      if (depth < 1) queue.push({ node: child, depth: depth + 1 });
    }
  }
  return '';
}
