import type { FieldSource } from './metadata/provenance';

/** Fields whose origin is recorded in `ExtractedArticle.provenance`. */
export type ProvenanceField =
  | 'title'
  | 'byline'
  | 'publishedAt'
  | 'modifiedAt'
  | 'canonicalUrl'
  | 'siteName'
  | 'section'
  | 'tags'
  | 'image'
  | 'description'
  | 'language'
  | 'access'
  | 'body';

/** Why a page yielded no article. */
export type NoArticleReason = 'empty-page' | 'error-page' | 'no-main-content' | 'listing-page';

/** Everything `extractArticle` finds on a page. Dates are ISO 8601 in UTC. */
export interface ExtractedArticle {
  /** False for section fronts, error pages and pages without a readable body; see `noArticleReason`. */
  readonly isArticle: boolean;
  readonly noArticleReason: NoArticleReason | null;
  readonly title: string | null;
  /** Authors joined for display ("Jane Doe, John Roe"), without "By", dates or job titles. */
  readonly byline: string | null;
  readonly authors: readonly string[];
  /** First publication, UTC (`2019-10-16T14:30:00.000Z`); midnight UTC when the page gives only a day. */
  readonly publishedAt: string | null;
  /** The publication day as the page states it, in the publisher's time zone (`2019-10-16`). */
  readonly publishedDate: string | null;
  readonly modifiedAt: string | null;
  readonly canonicalUrl: string | null;
  readonly siteName: string | null;
  readonly section: string | null;
  readonly tags: readonly string[];
  /** Lead image, absolute URL. */
  readonly image: string | null;
  readonly description: string | null;
  /** Language tag from markup (`en`, `de-AT`), a hint rather than a detection. */
  readonly language: string | null;
  /** `paywalled` from `isAccessibleForFree: false` or paywall markup, `free` when declared, null when unknown. */
  readonly access: 'free' | 'paywalled' | null;
  /** Sanitized body HTML: paragraphs, headings, lists, quotes, figures, tables and links only. */
  readonly bodyHtml: string;
  /** Body as plain text, one block per line. */
  readonly bodyText: string;
  readonly wordCount: number;
  readonly provenance: Readonly<Partial<Record<ProvenanceField, FieldSource>>>;
}

/** Tuning knobs; the defaults suit news pages. */
export interface ExtractOptions {
  /** Reference instant for rejecting future dates (default: now). Tests pin it. */
  readonly now?: Date;
  /** iframe hosts kept in `bodyHtml` (default: common video, audio and chart players). */
  readonly iframeHosts?: readonly string[];
  /** Characters of HTML parsed; the rest is ignored (default 8,000,000). */
  readonly maxHtmlLength?: number;
}
