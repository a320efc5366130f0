import type { ExtractedArticle } from '@copydesk/extraction';
import type { FeedItem } from '@copydesk/feeds';
import { type ArticleDraft, finishDraft } from './article-draft';

/** A page was fetched but holds no article (a section front, an error page): the article fails with this reason. */
export class NoArticleError extends Error {
  override name = 'NoArticleError';
}

/**
 * An extracted page, with what a feed item said about it filling the gaps (feeds often date items better than
 * pages do). Pure.
 * @throws NoArticleError when extraction found no article.
 */
export function draftFromPage(extracted: ExtractedArticle, pageUrl: string, item?: FeedItem, timeZone?: string | null): ArticleDraft {
  if (!extracted.isArticle) throw new NoArticleError(`no article on the page (${extracted.noArticleReason ?? 'no main content'})`);
  const itemAuthors = item?.authors.map((a) => a.name).filter(Boolean) ?? [];
  return finishDraft({
    title: extracted.title ?? item?.title ?? '',
    bodyHtml: extracted.bodyHtml,
    byline: extracted.byline ?? (itemAuthors.join(', ') || null),
    authors: extracted.authors.length > 0 ? extracted.authors : itemAuthors,
    description: extracted.description ?? item?.summary ?? null,
    url: pageUrl,
    relCanonical: extracted.canonicalUrl,
    language: extracted.language ?? item?.language ?? null,
    publishedAt: extracted.publishedAt ?? item?.publishedAt ?? null,
    modifiedAt: extracted.modifiedAt ?? item?.updatedAt ?? null,
    timeZone,
    metadata: {
      siteName: extracted.siteName,
      section: extracted.section,
      tags: extracted.tags,
      image: extracted.image ? { url: extracted.image, caption: null } : null,
      access: extracted.access,
      provenance: extracted.provenance,
    },
  });
}
