import type { ElementNode } from '../dom/html-tree';
import { parseDate, findDateInText, type DateParseOptions, type ParsedDate } from './date-parse';
import { elementText } from './dom-signals';
import { jsonLdString, type JsonLdNode } from './json-ld';
import { firstMeta, type MetaIndex } from './meta-tags';
import type { FieldSource } from './provenance';

/** A date with where it was found. */
export interface SourcedDate extends ParsedDate {
  readonly source: FieldSource;
}

/** Publication and modification dates of a page. */
export interface PageDates {
  readonly published: SourcedDate | null;
  readonly modified: SourcedDate | null;
}

// In order of trust: the article's own properties, then generic Open Graph/Dublin Core, then CMS-specific names.
const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'published_time',
  'datepublished', 'article.published', 'article_date_original', 'original-publish-date', 'publish-date',
  'publish_date', 'publishdate', 'pubdate', 'og:pubdate', 'publication_date', 'publication-date', 'dc.date.issued',
  'dcterms.issued', 'dc.date.created', 'dcterms.created', 'datecreated', 'sailthru.date', 'parsely-pub-date',
  'cxenseparse:recs:publishtime', 'citation_publication_date', 'citation_date', 'prism.publicationdate',
  'article:post_date', 'rnews:datepublished', 'dc.date', 'dcterms.date', 'date', 'displaydate', 'created',
  'date_published', 'release_date', 'shareaholic:article_published_time', 'bt:pubdate', 'og:regdate',
];
const MODIFIED_META = [
  'article:modified_time', 'og:article:modified_time', 'og:updated_time', 'article:modified', 'datemodified',
  'dc.date.modified', 'dcterms.modified', 'last-modified', 'lastmod', 'modified', 'revised', 'updated_time',
  'parsely-updated', 'dateupdated',
];
const PUBLISHED_HINT = /publish|pubdate|posted|created|erstellt|veröffentlicht|entry-date|post-date|article-date|dateline|fecha/i;
const MODIFIED_HINT = /updated|modified|aktualisiert|last-?mod|revised/i;

/** Everything the date finder reads. */
export interface DateSources {
  readonly article: JsonLdNode | null;
  readonly meta: MetaIndex;
  readonly dateElements: readonly ElementNode[];
  /** Text near the headline, where bylines and datelines sit. */
  readonly headerText: string;
  readonly url: URL | null;
  readonly options: DateParseOptions;
}

function sourced(date: ParsedDate | null, source: FieldSource): SourcedDate | null {
  return date === null ? null : { ...date, source };
}

/** A date written in the URL path: `/2019/10/16/`, `/2019-10-16-...`, `...-20191016`. */
export function dateFromUrl(url: URL, options: DateParseOptions = {}): ParsedDate | null {
  const path = url.pathname;
  const ymd = /(?:^|\/|[_-])((?:19|20)\d{2})[/_-]([01]?\d)[/_-]([0-3]?\d)(?=$|\/|[_.-])/.exec(path);
  if (ymd !== null) return parseDate(`${ymd[1]}-${ymd[2]}-${ymd[3]}`, options);
  const compact = /(?:^|\/|[_-])((?:19|20)\d{2})([01]\d)([0-3]\d)(?=$|\/|[_.-]|\d{0,6}(?:$|\/|[_.-]))/.exec(path);
  if (compact !== null) return parseDate(`${compact[1]}-${compact[2]}-${compact[3]}`, options);
  return null;
}

function elementDate(element: ElementNode, options: DateParseOptions): { date: ParsedDate; source: FieldSource } | null {
  const attrs = element.attrs;
  for (const value of [attrs.datetime, attrs.content, attrs['data-datetime'], attrs['data-timestamp'], attrs.title]) {
    if (value === undefined) continue;
    const date = parseDate(value, options);
    if (date !== null) return { date, source: 'dom' };
  }
  const text = elementText(element, 200);
  if (text.length < 6 || text.length > 200) return null;
  const date = findDateInText(text, options);
  return date === null ? null : { date, source: 'text' };
}

function hintOf(element: ElementNode): string {
  const attrs = element.attrs;
  return `${attrs.itemprop ?? ''} ${attrs.class ?? ''} ${attrs.id ?? ''} ${attrs.pubdate !== undefined ? 'pubdate' : ''}`;
}

/**
 * Finds publication and modification dates, in order of trust: JSON-LD, meta tags, `<time>`/itemprop markup,
 * dates written near the headline, and finally the URL.
 */
export function findDates(sources: DateSources): PageDates {
  const { article, meta, options } = sources;
  let published: SourcedDate | null = null;
  let modified: SourcedDate | null = null;

  if (article !== null) {
    published = sourced(parseLd(article.datePublished ?? article.dateCreated ?? article.uploadDate, options), 'json-ld');
    modified = sourced(parseLd(article.dateModified, options), 'json-ld');
  }
  if (published === null) {
    const value = firstMetaDate(meta, PUBLISHED_META, options);
    published = sourced(value, 'meta');
  }
  if (modified === null) modified = sourced(firstMetaDate(meta, MODIFIED_META, options), 'meta');

  if (published === null || modified === null) {
    let firstPublished: { date: ParsedDate; source: FieldSource } | null = null;
    let firstAny: { date: ParsedDate; source: FieldSource } | null = null;
    for (const element of sources.dateElements) {
      const hint = hintOf(element);
      const isModified = MODIFIED_HINT.test(hint);
      const found = elementDate(element, options);
      if (found === null) continue;
      if (isModified) {
        if (modified === null) modified = sourced(found.date, found.source);
        continue;
      }
      if (firstPublished === null && (PUBLISHED_HINT.test(hint) || element.tag === 'time')) firstPublished = found;
      if (firstAny === null) firstAny = found;
    }
    const best = firstPublished ?? firstAny;
    if (published === null && best !== null) published = sourced(best.date, best.source);
  }
  if (published === null && sources.headerText !== '') published = sourced(findDateInText(sources.headerText, options), 'text');
  if (published === null && sources.url !== null) published = sourced(dateFromUrl(sources.url, options), 'url');
  // A modification before publication is a template default, not a revision.
  if (published !== null && modified !== null && modified.iso < published.iso) modified = null;
  return { published, modified };
}

function parseLd(value: unknown, options: DateParseOptions): ParsedDate | null {
  const text = jsonLdString(value);
  return text === null ? null : parseDate(text, options);
}

function firstMetaDate(meta: MetaIndex, keys: readonly string[], options: DateParseOptions): ParsedDate | null {
  for (const key of keys) {
    const value = firstMeta(meta, [key]);
    if (value === null) continue;
    const date = parseDate(value, options);
    if (date !== null) return date;
  }
  return null;
}
