import { formatUtc, parseFeedDate } from '../dates/feed-date.parser';
import type { FeedEnclosure, FeedItem, FeedMetadata, TextConstruct } from '../feed.types';
import { escapeHtml, HTML_TYPES } from '../text/feed-text';
import type { ContainerDraft } from './container.draft';
import { textOf } from './text-construct.reader';

/** ISO 8601 UTC of a feed date string, or null when it cannot be read. */
export function utcOf(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const date = parseFeedDate(raw);
  return date ? formatUtc(date) : null;
}

/** The fields channels, entries and sources share. */
export function buildMetadata(draft: ContainerDraft): FeedMetadata {
  const title = draft.title ?? draft.mediaTitle;
  return {
    title: textOf(title) || null,
    titleDetail: title,
    subtitleDetail: draft.subtitle,
    rightsDetail: draft.rights,
    infoDetail: draft.info,
    link: draft.link ?? draft.guidLink,
    links: draft.links,
    id: draft.id,
    authors: draft.authors,
    contributors: draft.contributors,
    publisher: draft.publisher,
    categories: draft.categories,
    generator: draft.generator,
    icon: draft.icon,
    logo: draft.logo,
    publishedAt: utcOf(draft.dates.published),
    updatedAt: utcOf(draft.dates.updated),
    createdAt: utcOf(draft.dates.created),
    rawDates: draft.dates,
    extensions: draft.extensions,
  };
}

/** The fullest HTML body among an entry's contents: markup types first, then plain text escaped. */
export function contentHtmlOf(contents: readonly TextConstruct[]): string | null {
  const markup = contents.filter((c) => HTML_TYPES.has(c.type) && c.value);
  if (markup.length > 0) return markup.reduce((a, b) => (b.value.length > a.value.length ? b : a)).value;
  const plain = contents.find((c) => c.type === 'text/plain' && c.value);
  return plain ? escapeHtml(plain.value) : null;
}

function enclosuresOf(draft: ContainerDraft): FeedEnclosure[] {
  const seen = new Set<string>();
  const enclosures: FeedEnclosure[] = [];
  for (const link of draft.links) {
    if (link.rel !== 'enclosure' || seen.has(link.href)) continue;
    seen.add(link.href);
    const length = link.length === undefined ? NaN : Number(link.length.trim());
    enclosures.push({
      url: link.href,
      // A media file the feed gave no type for has none; the links' `text/html` default would mislabel it.
      ...(link.type && !draft.untypedLinks.has(link) ? { type: link.type } : {}),
      ...(Number.isInteger(length) && length >= 0 ? { length } : {}),
    });
  }
  return enclosures;
}

/** An item/entry from its draft; `language` is the entry's xml:lang or, failing that, the feed's. */
export function buildItem(draft: ContainerDraft, language: string | null): FeedItem {
  const metadata = buildMetadata(draft);
  const summary = draft.summary ?? draft.mediaDescription;
  return {
    guid: draft.id,
    guidIsPermaLink: draft.guidIsPermaLink,
    link: metadata.link,
    links: draft.links,
    title: metadata.title,
    titleDetail: metadata.titleDetail,
    summary: textOf(summary) || null,
    summaryDetail: summary,
    contentHtml: contentHtmlOf(draft.contents),
    contents: draft.contents,
    authors: draft.authors,
    contributors: draft.contributors,
    publisher: draft.publisher,
    categories: draft.categories,
    enclosures: enclosuresOf(draft),
    media: draft.media,
    publishedAt: metadata.publishedAt,
    updatedAt: metadata.updatedAt,
    createdAt: metadata.createdAt,
    expiresAt: utcOf(draft.dates.expired),
    rawDates: draft.dates,
    language: draft.language ?? language,
    rightsDetail: draft.rights,
    // RFC 4685: a replies link without a type is a comments feed (application/atom+xml), not a page.
    commentsUrl:
      draft.comments ??
      draft.links.find((l) => l.rel === 'replies' && !draft.untypedLinks.has(l) && HTML_TYPES.has(l.type ?? ''))?.href ??
      null,
    source: draft.source,
    extensions: draft.extensions,
  };
}
