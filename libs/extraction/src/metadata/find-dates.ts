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
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'og:published_time',
  'published_time',
  'datepublished',
  'article.published',
  'article_date_original',
  'original-publish-date',
  'publish-date',
  'publish_date',
  'publishdate',
  'pubdate',
  'og:pubdate',
  'publication_date',
  'publication-date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'datecreated',
  'sailthru.date',
  'parsely-pub-date',
  'cxenseparse:recs:publishtime',
  'citation_publication_date',
  'citation_date',
  'prism.publicationdate',
  'article:post_date',
  'rnews:datepublished',
  'date_published',
  'release_date',
  'shareaholic:article_published_time',
  'bt:pubdate',
  'og:regdate',
];
// Generic names that many CMSs fill with the last change rather than the publication.
const GENERIC_DATE_META = ['dc.date', 'dcterms.date', 'date', 'displaydate', 'created'];
const MODIFIED_META = [
  'article:modified_time',
  'og:article:modified_time',
  'og:updated_time',
  'article:modified',
  'datemodified',
  'dc.date.modified',
  'dcterms.modified',
  'last-modified',
  'lastmod',
  'modified',
  'revised',
  'updated_time',
  'parsely-updated',
  'dateupdated',
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
  /** The page's visible text (computed only if needed), for labelled dates: "Datum: 25.01.2022". */
  readonly pageText: () => string;
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
  // Exactly eight digits: longer runs are archive timestamps (web.archive.org/web/20210916140120/) or ids.
  const compact = /(?:^|\/|[_-])((?:19|20)\d{2})([01]\d)([0-3]\d)(?=$|\/|[_.-])/.exec(path);
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
  const text = withoutClockLines(elementText(element, 200));
  if (text.length < 6 || text.length > 200) return null;
  const date = findDateInText(text, options);
  return date === null ? null : { date, source: 'text' };
}

function hintOf(element: ElementNode): string {
  const attrs = element.attrs;
  return `${attrs.itemprop ?? ''} ${attrs.class ?? ''} ${attrs.id ?? ''} ${attrs.pubdate !== undefined ? 'pubdate' : ''}`;
}

/**
 * Finds publication and modification dates, in order of trust: JSON-LD, specific meta tags (Open Graph,
 * schema.org), `<time>`/itemprop markup, dates labelled as publication dates in the text, generic meta dates
 * (`date`, `DC.date`: often the last change), dates near the headline, the URL, and finally any date in the text.
 */
export function findDates(sources: DateSources): PageDates {
  const { article, meta, options } = sources;
  let pageText: string | null = null;
  const visibleText = (): string => (pageText ??= withoutClockLines(sources.pageText()));
  const markup = scanDateElements(sources.dateElements, options);

  let modified = sourced(article === null ? null : parseLd(article.dateModified, options), 'json-ld');
  modified ??= sourced(firstMetaDate(meta, MODIFIED_META, options), 'meta');
  modified ??= markup.modified;

  const finders: ReadonlyArray<() => SourcedDate | null> = [
    () =>
      sourced(article === null ? null : parseLd(article.datePublished ?? article.dateCreated ?? article.uploadDate, options), 'json-ld'),
    () => sourced(firstMetaDate(meta, PUBLISHED_META, options), 'meta'),
    () => markup.published,
    () => sourced(labelledDate(visibleText(), options), 'text'),
    () => sourced(firstMetaDate(meta, GENERIC_DATE_META, options), 'meta'),
    () => markup.any,
    () => sourced(findDateInText(withoutClockLines(sources.headerText), options), 'text'),
  ];
  let published: SourcedDate | null = null;
  for (const find of finders) {
    published = find();
    if (published !== null) break;
  }
  if (published !== null && published.source === 'json-ld') published = withPublisherOffset(published, meta, options);
  if (published !== null && modified !== null) published = presentedDate(published, modified, sources.headerText, options);

  const fromUrl = sources.url === null ? null : dateFromUrl(sources.url, options);
  // A full date in the URL path, set by the CMS when the story went out, overrules a date read from prose
  // (which may be an event in the story).
  if (fromUrl !== null && (published === null || (published.source === 'text' && published.date !== fromUrl.date))) {
    published = sourced(fromUrl, 'url');
  }
  published ??= sourced(labelledDate(visibleText(), options, LAST_EDITED_LABEL), 'text');
  // Last resort: the first full date anywhere in the visible text (forums, plain CMS pages).
  published ??= sourced(findDateInText(visibleText().slice(0, 20_000), options), 'text');
  // A modification before publication is a template default, not a revision.
  if (published !== null && modified !== null && modified.iso < published.iso) modified = null;
  return { published, modified };
}

interface MarkupDates {
  /** First date element hinted as publication (`pubdate`, `datePublished`, class `published`) or a `<time>`. */
  readonly published: SourcedDate | null;
  /** First date element hinted as an update. */
  readonly modified: SourcedDate | null;
  /** First date element of any kind. */
  readonly any: SourcedDate | null;
}

function scanDateElements(elements: readonly ElementNode[], options: DateParseOptions): MarkupDates {
  let published: SourcedDate | null = null;
  let modified: SourcedDate | null = null;
  let any: SourcedDate | null = null;
  for (const element of elements) {
    const found = elementDate(element, options);
    if (found === null) continue;
    const hint = hintOf(element);
    if (MODIFIED_HINT.test(hint)) {
      modified ??= sourced(found.date, found.source);
      continue;
    }
    if (PUBLISHED_HINT.test(hint) || element.tag === 'time') published ??= sourced(found.date, found.source);
    any ??= sourced(found.date, found.source);
  }
  return { published, modified, any };
}

/**
 * A re-dated page: when the structured data say "published X, modified Y" but the only date shown by the
 * headline is Y, the publisher presents the story as of Y (refreshed evergreen pieces), and so do we.
 */
function presentedDate(published: SourcedDate, modified: SourcedDate, headerText: string, options: DateParseOptions): SourcedDate {
  if (modified.date <= published.date || headerText === '') return published;
  const shown = findDateInText(withoutClockLines(headerText), options);
  if (shown === null || shown.date !== modified.date || headerText.includes(published.date)) return published;
  return { ...shown, source: 'text' };
}

/** A UTC timestamp is replaced by the same instant written with the publisher's offset, if a meta tag has it. */
function withPublisherOffset(date: SourcedDate, meta: MetaIndex, options: DateParseOptions): SourcedDate {
  if (!date.hasTime || (date.offsetMinutes !== null && date.offsetMinutes !== 0)) return date;
  const local = sameInstantWithOffset(date, meta, options);
  return local === null ? date : { ...local, source: date.source };
}

// Words that introduce a publication date in prose, in the languages of our sources.
const DATE_LABEL =
  /(?:^|[^\p{L}])(?:datum|stand|veröffentlicht(?: am)?|erstellt(?: am)?|publiziert(?: am)?|erschienen(?: am)?|published(?: on)?|posted(?: on)?|date|publié(?: le)?|publicado(?: el)?|pubblicato(?: il)?|gepubliceerd(?: op)?|opublikowano)\s*:?\s*/giu;

// Wikis and CMS footers: the only date some pages carry.
const LAST_EDITED_LABEL =
  /(?:^|[^\p{L}])(?:last (?:edited|modified|updated)(?: on)?|zuletzt (?:bearbeitet|geändert|aktualisiert)(?: am)?|dernière modification(?: le)?)\s*:?\s*/giu;

/** The first date that follows a label such as "Veröffentlicht am" or "Published:" in the page text. */
export function labelledDate(text: string, options: DateParseOptions, labels: RegExp = DATE_LABEL): ParsedDate | null {
  labels.lastIndex = 0;
  for (let match = labels.exec(text); match !== null; match = labels.exec(text)) {
    const after = text.slice(labels.lastIndex, labels.lastIndex + 60);
    // The date must follow the label directly (a weekday may come first), not somewhere later in the sentence.
    if (!/^(?:\p{L}{2,12},?\s+)?\d/u.test(after)) continue;
    const date = findDateInText(after, options);
    if (date !== null) return date;
  }
  return null;
}

// "It is currently ...", "Aktuelle Zeit: ...": the time the page was rendered, not written.
const CLOCK_LINE = /(?:it is currently|current time|aktuelle zeit|heute ist|today is|nous sommes le)\s*:?\s*[^\n]{0,40}/gi;

function withoutClockLines(text: string): string {
  return text.replace(CLOCK_LINE, ' ');
}

/** A meta date for the same instant (within a minute) that carries a non-zero UTC offset, if any. */
function sameInstantWithOffset(date: ParsedDate, meta: MetaIndex, options: DateParseOptions): ParsedDate | null {
  const instant = Date.parse(date.iso);
  for (const key of [...PUBLISHED_META, ...GENERIC_DATE_META]) {
    for (const value of meta.get(key) ?? []) {
      const other = parseDate(value, options);
      if (other === null || !other.hasTime || other.offsetMinutes === null || other.offsetMinutes === 0) continue;
      if (Math.abs(Date.parse(other.iso) - instant) <= 60_000) return other;
    }
  }
  return null;
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
