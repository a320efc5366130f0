import type { ElementNode, HtmlTree } from '../dom/html-tree';
import { collapseWhitespace } from '../dom/text-measure';
import { textContent } from '../dom/tree-text';
import { resolveUrl } from '../body/safe-urls';
import { dedupeNames, isUrlLike, parseByline } from './authors';
import type { DateParseOptions } from './date-parse';
import { bylineText, collectDomSignals, elementText, microdataName, type DomSignals } from './dom-signals';
import { findDates, type PageDates } from './find-dates';
import { jsonLdAccess, jsonLdAuthors, jsonLdString, jsonLdStrings, readJsonLd, type JsonLdNode } from './json-ld';
import { allMeta, firstMeta, indexMetaTags, type MetaIndex } from './meta-tags';
import type { FieldSource } from './provenance';
import { chooseTitle, titlesMatch } from './title';

/** A value and where it came from. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: FieldSource;
}

/** Page metadata, each field with its source (null when not found). */
export interface PageMetadata {
  readonly title: Sourced<string> | null;
  readonly authors: Sourced<string[]> | null;
  readonly dates: PageDates;
  readonly canonicalUrl: Sourced<string> | null;
  readonly siteName: Sourced<string> | null;
  readonly section: Sourced<string> | null;
  readonly tags: Sourced<string[]> | null;
  readonly image: Sourced<string> | null;
  readonly description: Sourced<string> | null;
  readonly language: Sourced<string> | null;
  readonly access: Sourced<'free' | 'paywalled'> | null;
  /** JSON-LD `articleBody`, when the page publishes one: evidence for locating the body. */
  readonly jsonLdBody: string | null;
  /** The page's address: the one given, else its canonical URL; links and URL dates are read against it. */
  readonly pageUrl: URL | null;
  /** The visible headline element (an `<h1>` agreeing with the structured title), if any. */
  readonly headline: ElementNode | null;
  /** The page says it is an article: an article JSON-LD node, `og:type=article` or article meta dates. */
  readonly declaredArticle: boolean;
}

function pick<T>(...candidates: ReadonlyArray<readonly [T | null | undefined, FieldSource]>): Sourced<T> | null {
  for (const [value, source] of candidates) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    return { value, source };
  }
  return null;
}

function clean(value: string | null): string | null {
  if (value === null) return null;
  const text = collapseWhitespace(value.replace(/\u00ad/g, ''));
  return text === '' ? null : text;
}

/** `en_US` → `en-US`; `DE` → `de`; anything unlike a language tag → null. */
export function normalizeLanguage(value: string | null): string | null {
  if (value === null) return null;
  const match = /^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}|[a-z]{4}))?/i.exec(value.trim());
  if (match === null) return null;
  const primary = match[1].toLowerCase();
  const region = match[2];
  if (region === undefined) return primary;
  return region.length === 4
    ? `${primary}-${region[0].toUpperCase()}${region.slice(1).toLowerCase()}`
    : `${primary}-${region.toUpperCase()}`;
}

function headlineElement(dom: DomSignals, title: string | null): ElementNode | null {
  if (title === null) return null;
  const matches = dom.headings.filter((h) => titlesMatch(elementText(h, 400), title));
  return matches.find((h) => h.tag === 'h1') ?? matches[0] ?? null;
}

function titleOf(
  tree: HtmlTree,
  article: JsonLdNode | null,
  meta: MetaIndex,
  dom: DomSignals,
  siteNames: string[],
): Sourced<string> | null {
  const texts = (tag: string): string[] =>
    dom.headings
      .filter((h) => h.tag === tag)
      .map((h) => elementText(h, 400))
      .filter((t) => t.length > 0);
  return chooseTitle({
    jsonLd: clean(article === null ? null : (jsonLdString(article.headline) ?? jsonLdString(article.name))),
    meta: clean(
      firstMeta(meta, ['og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'title', 'headline', 'sailthru.title', 'parsely-title']),
    ),
    document: clean(tree.title),
    h1s: texts('h1'),
    h2s: texts('h2'),
    siteNames,
  });
}

// More names than this from one source is a reference list or a comment thread, not a byline.
const MAX_AUTHORS = 12;
const COMMENT_CLASS = /comment|respond|reply|discussion/i;

// "Autor: Peter Maahn" written in the page.
const AUTHOR_LABEL = /(?:^|[^\p{L}])(?:autor(?:in)?|author|verfasser(?:in)?|written by|geschrieben von)\s*:?\s+([^\n|•·]{3,60})/iu;

function authorsOf(
  article: JsonLdNode | null,
  nodes: readonly JsonLdNode[],
  meta: MetaIndex,
  dom: DomSignals,
  siteNames: readonly string[],
  pageText: () => string,
): Sourced<string[]> | null {
  const accept = (names: string[]): boolean => names.length > 0 && names.length <= MAX_AUTHORS;
  if (article !== null) {
    const names = dedupeNames(jsonLdAuthors(article, nodes).flatMap((name) => parseByline(name, siteNames)));
    if (accept(names)) return { value: names, source: 'json-ld' };
  }
  const metaValues = allMeta(meta, [
    'author',
    'article:author',
    'dc.creator',
    'dcterms.creator',
    'byl',
    'parsely-author',
    'sailthru.author',
    'citation_author',
    'cxenseparse:author',
  ]);
  const metaNames = dedupeNames(metaValues.filter((v) => !isUrlLike(v)).flatMap((value) => parseByline(value, siteNames)));
  if (accept(metaNames)) return { value: metaNames, source: 'meta' };
  for (const element of dom.bylines) {
    if (insideComments(element)) continue;
    const text = bylineText(element, 200) || microdataName(element);
    if (text.length === 0 || text.length >= 200) continue;
    const names = parseByline(text, siteNames);
    if (accept(names) && names.every((name) => name.split(/\s+/).length <= 5)) return { value: names, source: 'dom' };
  }
  const labelled = AUTHOR_LABEL.exec(pageText());
  if (labelled !== null) {
    const names = parseByline(labelled[1], siteNames).filter((name) => /^\p{Lu}/u.test(name) && name.split(/\s+/).length <= 4);
    if (accept(names)) return { value: names, source: 'text' };
  }
  return null;
}

/** Bylines of comments name commenters, not the author. */
function insideComments(element: ElementNode): boolean {
  let depth = 0;
  for (let node: ElementNode | null = element; node !== null && depth < 12; node = node.parent, depth++) {
    if (COMMENT_CLASS.test(`${node.attrs.class ?? ''} ${node.attrs.id ?? ''}`)) return true;
  }
  return false;
}

function accessOf(article: JsonLdNode | null, meta: MetaIndex, dom: DomSignals): Sourced<'free' | 'paywalled'> | null {
  const ld = article === null ? null : jsonLdAccess(article);
  if (ld !== null) return { value: ld ? 'free' : 'paywalled', source: 'json-ld' };
  const tier = firstMeta(meta, ['article:content_tier', 'content_tier', 'article:access']);
  if (tier !== null) {
    const lower = tier.toLowerCase();
    if (lower === 'free') return { value: 'free', source: 'meta' };
    if (lower === 'locked' || lower === 'metered' || lower === 'premium' || lower === 'paid') return { value: 'paywalled', source: 'meta' };
  }
  // Paywall containers exist empty on free pages; only one with a message in it counts.
  if (dom.paywallMarkers.some((element) => elementText(element, 100).length >= 20)) return { value: 'paywalled', source: 'dom' };
  return null;
}

function publisherName(article: JsonLdNode | null, nodes: readonly JsonLdNode[]): string | null {
  const publisher = article?.publisher;
  const fromArticle = publisher === undefined ? null : jsonLdString(publisher);
  if (fromArticle !== null) return fromArticle;
  const site = nodes.find((node) => node['@type'] === 'WebSite' || node['@type'] === 'NewsMediaOrganization');
  return site === undefined ? null : jsonLdString(site.name);
}

/** Reads title, authors, dates, canonical URL, site, section, tags, image, description, language and access. */
export function extractMetadata(tree: HtmlTree, givenUrl: URL | null, dateOptions: DateParseOptions): PageMetadata {
  const { article, nodes } = readJsonLd(tree.jsonLd);
  const meta = indexMetaTags(tree);
  const dom = collectDomSignals(tree);

  const canonicalUrl = canonicalOf(tree, meta, article, givenUrl);
  // A saved page without its address still names itself: the canonical URL stands in for it.
  const pageUrl = givenUrl ?? (canonicalUrl === null ? null : new URL(canonicalUrl.value));

  const siteName = siteNameOf(meta, article, nodes, pageUrl);
  const siteNames = [
    siteName?.value,
    pageUrl?.hostname.replace(/^www\./, ''),
    pageUrl?.hostname.replace(/^www\./, '').split('.')[0],
  ].filter((s): s is string => typeof s === 'string' && s.length > 0);
  const title = titleOf(tree, article, meta, dom, siteNames);

  const language = languageOf(tree, meta, article);
  const dayFirst = !(language?.value === 'en-US' || (language?.value === 'en' && /\.(?:com|us|org|net)$/.test(pageUrl?.hostname ?? '')));
  let visibleText: string | null = null;
  const pageText = (): string => (visibleText ??= textContent(tree.root, undefined, PAGE_TEXT_LIMIT));
  const headline = headlineElement(dom, title?.value ?? null);
  const dates = findDates({
    article,
    meta,
    dateElements: dom.dates,
    headerText: textAroundHeadline(tree, headline ?? dom.headings.find((h) => h.tag === 'h1' && elementText(h, 20) !== '') ?? null),
    pageText,
    url: pageUrl,
    options: { ...dateOptions, dayFirst: dateOptions.dayFirst ?? dayFirst },
  });

  return {
    title,
    authors: authorsOf(article, nodes, meta, dom, siteNames, pageText),
    dates,
    canonicalUrl,
    siteName,
    section: sectionOf(meta, article),
    tags: tagsOf(meta, article),
    image: imageOf(meta, article, pageUrl),
    description: pick<string>(
      [clean(firstMeta(meta, DESCRIPTION_META)), 'meta'],
      [article === null ? null : clean(jsonLdString(article.description)), 'json-ld'],
    ),
    language,
    access: accessOf(article, meta, dom),
    jsonLdBody: article === null ? null : jsonLdString(article.articleBody),
    headline,
    pageUrl,
    declaredArticle:
      (article !== null && /Article|Posting/.test(String(article['@type']))) ||
      /article/i.test(firstMeta(meta, ['og:type']) ?? '') ||
      firstMeta(meta, ['article:published_time']) !== null,
  };
}

const DESCRIPTION_META = ['og:description', 'description', 'twitter:description', 'dc.description', 'dcterms.description'];

function canonicalOf(tree: HtmlTree, meta: MetaIndex, article: JsonLdNode | null, givenUrl: URL | null): Sourced<string> | null {
  const canonicalLink = tree.links.find((link) => (link.rel ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  return pick<string>(
    [resolveUrl(canonicalLink?.href, givenUrl), 'meta'],
    [resolveUrl(firstMeta(meta, ['og:url']) ?? undefined, givenUrl), 'meta'],
    [
      article === null ? null : resolveUrl(jsonLdString(article.url) ?? jsonLdString(article.mainEntityOfPage) ?? undefined, givenUrl),
      'json-ld',
    ],
    [givenUrl?.href ?? null, 'url'],
  );
}

function siteNameOf(
  meta: MetaIndex,
  article: JsonLdNode | null,
  nodes: readonly JsonLdNode[],
  pageUrl: URL | null,
): Sourced<string> | null {
  return pick<string>(
    [clean(firstMeta(meta, ['og:site_name', 'application-name', 'apple-mobile-web-app-title'])), 'meta'],
    [clean(publisherName(article, nodes)), 'json-ld'],
    [pageUrl?.hostname.replace(/^www\./, '') ?? null, 'url'],
  );
}

function languageOf(tree: HtmlTree, meta: MetaIndex, article: JsonLdNode | null): Sourced<string> | null {
  return pick<string>(
    [normalizeLanguage(tree.htmlLang || null), 'dom'],
    [normalizeLanguage(firstMeta(meta, ['og:locale', 'content-language', 'language', 'dc.language'])), 'meta'],
    [article === null ? null : normalizeLanguage(jsonLdString(article.inLanguage)), 'json-ld'],
  );
}

function imageOf(meta: MetaIndex, article: JsonLdNode | null, pageUrl: URL | null): Sourced<string> | null {
  return pick<string>(
    [
      resolveUrl(
        firstMeta(meta, ['og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src']) ?? undefined,
        pageUrl,
      ),
      'meta',
    ],
    [
      article === null ? null : resolveUrl(jsonLdString(article.image) ?? jsonLdString(article.thumbnailUrl) ?? undefined, pageUrl),
      'json-ld',
    ],
  );
}

function tagsOf(meta: MetaIndex, article: JsonLdNode | null): Sourced<string[]> | null {
  return pick<string[]>(
    [
      dedupeNames(
        allMeta(meta, ['article:tag', 'og:article:tag'])
          .flatMap((t) => t.split(','))
          .map((t) => t.trim())
          .filter(Boolean),
      ).slice(0, 50),
      'meta',
    ],
    [article === null ? null : dedupeNames(jsonLdStrings(article.keywords)).slice(0, 50), 'json-ld'],
    [
      dedupeNames(
        allMeta(meta, ['news_keywords', 'keywords', 'parsely-tags'])
          .flatMap((t) => t.split(/[,;]/))
          .map((t) => t.trim())
          .filter(Boolean),
      ).slice(0, 50),
      'meta',
    ],
  );
}

function sectionOf(meta: MetaIndex, article: JsonLdNode | null): Sourced<string> | null {
  return pick<string>(
    [clean(firstMeta(meta, ['article:section', 'og:article:section'])), 'meta'],
    [article === null ? null : clean(jsonLdString(article.articleSection)), 'json-ld'],
    [clean(firstMeta(meta, ['section', 'parsely-section', 'sailthru.section', 'category', 'dc.subject'])), 'meta'],
  );
}

/**
 * Text just after the headline (where bylines and datelines sit), then just before it (kickers), taken from the
 * elements nearest in document order; bounded, and never the whole page.
 */
function textAroundHeadline(tree: HtmlTree, headline: ElementNode | null): string {
  if (headline === null) return '';
  const own = (element: ElementNode): string => {
    let text = '';
    for (const child of element.children) if (child.kind === 'text') text += child.data;
    return collapseWhitespace(text);
  };
  const after: string[] = [];
  let length = 0;
  const end = Math.min(tree.elements.length, headline.index + HEADER_WINDOW);
  for (let i = headline.index + 1; i < end && length < 800; i++) {
    const text = own(tree.elements[i]);
    if (text !== '') {
      after.push(text);
      length += text.length;
    }
  }
  const before: string[] = [];
  for (let i = Math.max(1, headline.index - HEADER_WINDOW / 4); i < headline.index; i++) {
    const text = own(tree.elements[i]);
    if (text !== '') before.push(text);
  }
  return `${after.join(' \n ')} \n ${before.join(' \n ').slice(-300)}`;
}

// Elements after the headline searched for a dateline.
const HEADER_WINDOW = 60;

// Labelled dates ("Stand: 25.01.2022") are looked for in this much of the page's text.
const PAGE_TEXT_LIMIT = 200_000;
