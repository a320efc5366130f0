import type { ArticleRevisionEntity } from '@copydesk/database';

/** One step of an article's history: what changed, when, and which input brought it. */
export interface RevisionView {
  revision: number;
  createdAt: string;
  origin: string;
  rawItemId: string | null;
  changedFields: string[];
  title: string | null;
  byline: string | null;
  contentHash: string | null;
  /** Word-level diff against the previous revision: words added and removed, and a unified patch. */
  diff: { added: number; removed: number; patch: string } | null;
  bodyText?: string | null;
}

export function toRevisionView(revision: ArticleRevisionEntity, withText: boolean): RevisionView {
  return {
    revision: revision.revision,
    createdAt: revision.createdAt.toISOString(),
    origin: revision.origin,
    rawItemId: revision.rawItemId,
    changedFields: revision.changedFields,
    title: revision.title,
    byline: revision.byline,
    contentHash: revision.contentHash,
    diff: revision.diff as RevisionView['diff'],
    ...(withText ? { bodyText: revision.bodyText } : {}),
  };
}
