import type { WireArticle } from '../wire-article.types';

/**
 * The push/draft fields of an article: what libs/pipeline's `finishDraft` takes (DraftFields), field for field, with
 * the agency's metadata under `metadata.wire` (the draft's "details without a column").
 */
export interface WireDraftFields {
  title: string;
  bodyHtml: string;
  byline: string | null;
  authors: string[];
  description: string | null;
  url: string | null;
  language: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  embargoUntil: string | null;
  metadata: { wire: WireMetadata };
}

/** What the draft keeps of the agency's record beyond the common fields. */
export type WireMetadata = Omit<
  WireArticle,
  | 'title'
  | 'bodyHtml'
  | 'bodyText'
  | 'byline'
  | 'authors'
  | 'description'
  | 'url'
  | 'language'
  | 'publishedAt'
  | 'modifiedAt'
  | 'embargoUntil'
>;

export function wireDraftFields(article: WireArticle): WireDraftFields {
  const {
    title,
    bodyHtml,
    bodyText: _derived,
    byline,
    authors,
    description,
    url,
    language,
    publishedAt,
    modifiedAt,
    embargoUntil,
    ...wire
  } = article;
  return { title, bodyHtml, byline, authors, description, url, language, publishedAt, modifiedAt, embargoUntil, metadata: { wire } };
}

/** Why a canceled item withdraws its article: the agency's note, else a plain statement. Null when it is not a kill. */
export function wireKillReason(article: WireArticle): string | null {
  if (article.pubStatus !== 'canceled') return null;
  return article.edNote ?? `canceled by the agency (${article.guid ?? 'no guid'}, version ${article.version ?? 'unknown'})`;
}
