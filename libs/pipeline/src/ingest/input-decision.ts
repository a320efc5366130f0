import { ArticleStatus } from '@copydesk/contracts';
import type { ArticleEntity, NewRevision, RawItemEntity, RevisedArticle } from '@copydesk/database';
import { diffTexts } from '@copydesk/normalize';
import { classifyWireRevision, type WireRevisionOutcome, type WireVersionStamp } from '@copydesk/wire';
import type { FingerprintSubject } from '../relate/duplicate-detector.service';
import type { ArticleDraft } from './drafts/article-draft';

export type ProcessOutcome =
  | { kind: 'revised'; revision: number }
  | { kind: 'withdrawn'; revision: number }
  | { kind: 'unchanged' | 'stale' | 'superseded' | 'already-processed' | 'killed' };

/** What one input does to its article, decided under the article's lock. */
export type Step =
  | { outcome: ProcessOutcome; write?: undefined }
  | { outcome: ProcessOutcome; write: 'kill'; reason: string }
  | { outcome: ProcessOutcome; write: 'touch' }
  | { outcome: ProcessOutcome; write: 'history'; revision: NewRevision }
  | { outcome: ProcessOutcome; write: 'revise'; revision: NewRevision; article: RevisedArticle; subject: FingerprintSubject };

type Input = RawItemEntity & { articleId: string };

const CONTENT_FIELDS = ['title', 'byline', 'bodyHtml', 'bodyText', 'description'] as const;

/** The agency's stamp of a wire input or of what the article holds (`metadata.wire`), or null for other copy. */
function wireStamp(metadata: Record<string, unknown>): WireVersionStamp | null {
  const wire = metadata.wire as Partial<WireVersionStamp> | undefined;
  if (!wire || typeof wire !== 'object') return null;
  return { guid: wire.guid ?? null, version: wire.version ?? null, versionCreated: wire.versionCreated ?? null };
}

/** How an agency input stands to the version the article holds; null when either is not wire copy of that item. */
export function agencyOrder(article: ArticleEntity, draft: ArticleDraft): WireRevisionOutcome | null {
  const incoming = wireStamp(draft.metadata);
  if (!incoming) return null;
  const held = article.revision > 0 ? wireStamp(article.metadata) : null;
  if (held && held.guid !== incoming.guid) return null;
  return classifyWireRevision(held, incoming);
}

/**
 * What this input does to the article as it stands (locked). Pure. Kills always apply (even an agency's kill of an
 * older version: a withdrawn story must never stay out). An agency's older version arriving late is history; for
 * other copy, an input received before the one applied is a late retry and is stale.
 */
export function decideInput(raw: Input, draft: ArticleDraft, article: ArticleEntity): Step {
  if (article.status === ArticleStatus.Killed) return { outcome: { kind: 'killed' } };
  if (draft.kill) return { outcome: { kind: 'withdrawn', revision: article.revision }, write: 'kill', reason: draft.kill.reason };
  const order = agencyOrder(article, draft);
  if (order === 'history')
    return { outcome: { kind: 'superseded' }, write: 'history', revision: revisionRow(raw, draft, article, article.revision, []) };
  if (order !== 'revision' && article.appliedReceivedAt && raw.receivedAt < article.appliedReceivedAt)
    return { outcome: { kind: 'stale' } };

  const changed = CONTENT_FIELDS.filter((field) => (article[field] ?? null) !== (draft[field] ?? null));
  if (article.revision > 0 && changed.length === 0 && article.status !== ArticleStatus.Failed) {
    return { outcome: { kind: 'unchanged' }, write: 'touch' };
  }
  return reviseStep(raw, draft, article, changed);
}

function revisionRow(raw: Input, draft: ArticleDraft, article: ArticleEntity, revision: number, changed: string[]): NewRevision {
  return {
    articleId: article.id,
    revision,
    rawItemId: raw.id,
    origin: raw.origin,
    agencyVersion: wireStamp(draft.metadata)?.version ?? null,
    title: draft.title,
    byline: draft.byline,
    bodyHtml: draft.bodyHtml,
    bodyText: draft.bodyText,
    contentHash: draft.contentHash,
    changedFields: changed,
    diff: article.revision > 0 ? { ...diffTexts(article.bodyText ?? '', draft.bodyText) } : null,
  };
}

function reviseStep(raw: Input, draft: ArticleDraft, article: ArticleEntity, changed: string[]): Step {
  const revision = article.revision + 1;
  const publishedAt = draft.publishedAt ?? article.publishedAt;
  const { title, byline, authors, description, bodyHtml, bodyText, url, canonicalUrl, modifiedAt, embargoUntil, contentHash } = draft;
  return {
    outcome: { kind: 'revised', revision },
    write: 'revise',
    revision: revisionRow(raw, draft, article, revision, changed),
    article: {
      id: article.id,
      ...{ title, byline, authors, description, bodyHtml, bodyText, url, canonicalUrl, modifiedAt, embargoUntil, contentHash },
      language: draft.language ?? article.language,
      publishedAt,
      metadata: { ...article.metadata, ...draft.metadata },
      contentChangedAt: article.contentHash !== draft.contentHash ? new Date() : article.contentChangedAt,
      revision,
      appliedReceivedAt: raw.receivedAt,
      correlationId: raw.correlationId,
    },
    subject: { articleId: article.id, sourceId: article.sourceId, revision, title, bodyText, contentHash, publishedAt },
  };
}
