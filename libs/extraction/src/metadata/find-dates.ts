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
  let pageText: string | null = null;
  const visibleText = (): string => (pageText ??= withoutClockLines(sources.pageText()));
  let published: SourcedDate | null = null;
  let modified: SourcedDate | null = null;

  if (article !== null) {
    published = sourced(parseLd(article.datePublished ?? article.dateCreated ?? article.uploadDate, options), 'json-ld');
    modified = sourced(parseLd(article.dateModified, options), 'json-ld');
  }
  if (published === null) {
    const value = firstMetaDate(meta, PUBLISHED_META, options);
    published = sourced(value, 'meta');
  } else if (published.hasTime && (published.offsetMinutes === null || published.offsetMinutes === 0)) {
    // The same instant written with the publisher's offset gives the day as readers saw it.
    const local = sameInstantWithOffset(published, meta, options);
    if (local !== null) published = { ...local, source: published.source };
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
  if (published === null && sources.headerText !== '') published = sourced(findDateInText(withoutClockLines(sources.headerText), options), 'text');
  if (published === null) published = sourced(labelledDate(visibleText(), options), 'text');
  const fromUrl = sources.url === null ? null : dateFromUrl(sources.url, options);
  // Prose dates are the weakest markup-free evidence: a full date in the URL path, set by the CMS when the
  // story went out, overrules one (the prose date may be an event in the story).
  if (fromUrl !== null && (published === null || (published.source === 'text' && published.date !== fromUrl.date))) {
    published = sourced(fromUrl, 'url');
  }
  if (published === null) published = sourced(labelledDate(visibleText(), options, LAST_EDITED_LABEL), 'text');
  // Last resort: the first full date anywhere in the visible text (forums, plain CMS pages).
  if (published === null) published = sourced(findDateInText(visibleText().slice(0, 20_000), options), 'text');
  // A modification before publication is a template default, not a revision.
  if (published !== null && modified !== null && modified.iso < published.iso) modified = null;
  return { published, modified };
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
  for (const key of PUBLISHED_META) {
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
