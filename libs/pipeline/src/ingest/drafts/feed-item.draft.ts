import type { FeedItem } from '@copydesk/feeds';
import { type ArticleDraft, escapeHtml, finishDraft } from './article-draft';

/*
 * WIRE CONTRACT. The content type of raw items holding one parsed feed item (the JSON of a `FeedItem`).
 */
export const FEED_ITEM_CONTENT_TYPE = 'application/vnd.copydesk.feed-item+json';

function leadImage(item: FeedItem): { url: string; caption: string | null } | null {
  const image =
    item.media.find((m) => m.kind === 'content' && (m.medium === 'image' || m.type?.startsWith('image/'))) ??
    item.media.find((m) => m.kind === 'image' || m.kind === 'thumbnail');
  const enclosure = item.enclosures.find((e) => e.type?.startsWith('image/'));
  const url = image?.url ?? enclosure?.url;
  return url ? { url, caption: image?.description ?? image?.title ?? null } : null;
}

/** A feed item that carries its full text. Pure. */
export function draftFromFeedItem(item: FeedItem, timeZone?: string | null): ArticleDraft {
  const bodyHtml = item.contentHtml ?? (item.summary ? `<p>${escapeHtml(item.summary)}</p>` : '');
  const authors = item.authors.map((a) => a.name).filter(Boolean);
  return finishDraft({
    title: item.title ?? '',
    bodyHtml,
    byline: authors.join(', ') || null,
    authors,
    description: item.contentHtml && item.summary ? item.summary : null,
    url: item.link,
    language: item.language,
    publishedAt: item.publishedAt ?? item.updatedAt,
    modifiedAt: item.updatedAt,
    timeZone,
    metadata: {
      tags: item.categories.map((c) => c.label ?? c.term),
      image: leadImage(item),
      provenance: { title: 'feed', body: 'feed', publishedAt: 'feed' },
    },
  });
}
