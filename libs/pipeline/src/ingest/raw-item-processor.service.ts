import { ArticleStatus, JobName, RawItemStatus, jobId } from '@copydesk/contracts';
import { ArticleRepository, RawItemRepository, type ArticleEntity, type RawItemEntity } from '@copydesk/database';
import { diffTexts } from '@copydesk/normalize';
import { JobQueue } from '@copydesk/queue';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ArticleKiller } from '../articles/article-killer.service';
import { DuplicateDetector } from '../relate/duplicate-detector.service';
import { DraftBuilder } from './draft-builder.service';
import type { ArticleDraft } from './drafts/article-draft';
import { UnprocessableRawItemError } from './unprocessable-raw-item.error';

export type ProcessOutcome =
  | { kind: 'revised'; revision: number }
  | { kind: 'withdrawn'; revision: number }
  | { kind: 'unchanged' | 'stale' | 'already-processed' | 'killed' };

const CONTENT_FIELDS = ['title', 'byline', 'bodyHtml', 'bodyText', 'description'] as const;

/**
 * Turns one raw item into a revision of its article. Safe to run twice for the same raw item (a retried job): the
 * raw item's status and the row lock on the article make the second run a no-op.
 */
@Injectable()
export class RawItemProcessor {
  private readonly logger = new Logger(RawItemProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleRepository,
    private readonly rawItems: RawItemRepository,
    private readonly queue: JobQueue,
    private readonly drafts: DraftBuilder,
    private readonly duplicates: DuplicateDetector,
    private readonly killer: ArticleKiller,
  ) {}

  async process(rawItemId: string): Promise<ProcessOutcome> {
    const raw = await this.rawItems.findById(rawItemId);
    if (!raw) throw new UnprocessableRawItemError(`raw item ${rawItemId} does not exist`);
    if (raw.status === RawItemStatus.Processed) return { kind: 'already-processed' };
    if (!raw.articleId) throw new UnprocessableRawItemError(`raw item ${rawItemId} has no article`);

    let draft: ArticleDraft;
    try {
      draft = await this.drafts.build(raw);
    } catch (err) {
      // Permanent: say why on the raw item and the article now. Anything else is retried by the job.
      if (err instanceof UnprocessableRawItemError) await this.fail(raw, err.message);
      throw err;
    }

    const outcome = await this.dataSource.transaction((manager) => this.apply(raw, draft, manager));
    if (outcome.kind === 'withdrawn') await this.killer.announce(raw.articleId, outcome.revision, raw.correlationId);
    if (outcome.kind === 'revised') {
      await this.queue.enqueue(
        JobName.EnrichArticle,
        { articleId: raw.articleId, revision: outcome.revision, correlationId: raw.correlationId },
        { jobId: jobId('enrich', raw.articleId, outcome.revision) },
      );
    }
    this.logger.log({ rawItemId, articleId: raw.articleId, outcome: outcome.kind }, 'raw item processed');
    return outcome;
  }

  /** Records a permanent failure on the raw item, and on its article when nothing usable was ever stored there. */
  async fail(raw: RawItemEntity, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.rawItems.markFailed(raw.id, reason, manager);
      if (raw.articleId) {
        await this.articles.markFailedIfEmpty(raw.articleId, reason, manager);
      }
    });
  }

  private async apply(raw: RawItemEntity, draft: ArticleDraft, manager: EntityManager): Promise<ProcessOutcome> {
    const article = await this.articles.findForUpdate(raw.articleId as string, manager);
    if (!article) throw new UnprocessableRawItemError(`article ${raw.articleId} does not exist`);
    const done = async (outcome: ProcessOutcome): Promise<ProcessOutcome> => {
      await this.rawItems.markProcessed(raw.id, manager);
      return outcome;
    };
    if (article.status === ArticleStatus.Killed) return done({ kind: 'killed' });
    if (draft.kill) {
      await this.articles.markKilled(article.id, draft.kill.reason, manager);
      return done({ kind: 'withdrawn', revision: article.revision });
    }
    // A late retry of an older input must never overwrite what a newer one brought.
    if (article.appliedReceivedAt && raw.receivedAt < article.appliedReceivedAt) return done({ kind: 'stale' });

    const changed = this.changedFields(article, draft);
    if (article.revision > 0 && changed.length === 0 && article.status !== ArticleStatus.Failed) {
      await this.articles.update(article.id, { appliedReceivedAt: raw.receivedAt }, manager);
      return done({ kind: 'unchanged' });
    }

    const revision = article.revision + 1;
    const wordsChanged = article.contentHash !== draft.contentHash;
    await this.articles.insertRevision(
      {
        articleId: article.id,
        revision,
        rawItemId: raw.id,
        origin: raw.origin,
        title: draft.title,
        byline: draft.byline,
        bodyHtml: draft.bodyHtml,
        bodyText: draft.bodyText,
        contentHash: draft.contentHash,
        changedFields: changed,
        diff: article.revision > 0 ? { ...diffTexts(article.bodyText ?? '', draft.bodyText) } : null,
      },
      manager,
    );
    await this.articles.update(
      article.id,
      {
        title: draft.title,
        byline: draft.byline,
        authors: draft.authors,
        description: draft.description,
        bodyHtml: draft.bodyHtml,
        bodyText: draft.bodyText,
        url: draft.url,
        canonicalUrl: draft.canonicalUrl,
        language: draft.language ?? article.language,
        publishedAt: draft.publishedAt ?? article.publishedAt,
        modifiedAt: draft.modifiedAt,
        embargoUntil: draft.embargoUntil,
        contentHash: draft.contentHash,
        metadata: { ...article.metadata, ...draft.metadata },
        contentChangedAt: wordsChanged ? new Date() : article.contentChangedAt,
        revision,
        status: ArticleStatus.Extracted,
        failureReason: null,
        appliedReceivedAt: raw.receivedAt,
        correlationId: raw.correlationId,
      },
      manager,
    );
    await this.duplicates.index(
      {
        articleId: article.id,
        sourceId: article.sourceId,
        revision,
        title: draft.title,
        bodyText: draft.bodyText,
        contentHash: draft.contentHash,
        publishedAt: draft.publishedAt ?? article.publishedAt,
      },
      manager,
    );
    return done({ kind: 'revised', revision });
  }

  private changedFields(article: ArticleEntity, draft: ArticleDraft): string[] {
    return CONTENT_FIELDS.filter((field) => (article[field] ?? null) !== (draft[field] ?? null));
  }
}
