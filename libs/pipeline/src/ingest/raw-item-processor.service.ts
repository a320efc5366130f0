import { ArticleStatus, JobName, RawItemStatus, jobId } from '@copydesk/contracts';
import {
  ArticleRepository,
  RawItemRepository,
  type ArticleEntity,
  type NewRevision,
  type RawItemEntity,
  type RevisedArticle,
} from '@copydesk/database';
import { diffTexts } from '@copydesk/normalize';
import { JobQueue } from '@copydesk/queue';
import { MicroBatcher } from '@copydesk/runtime';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ArticleKiller } from '../articles/article-killer.service';
import { DuplicateDetector, type FingerprintSubject } from '../relate/duplicate-detector.service';
import { DraftBuilder } from './draft-builder.service';
import type { ArticleDraft } from './drafts/article-draft';
import { UnprocessableRawItemError } from './unprocessable-raw-item.error';

export type ProcessOutcome =
  | { kind: 'revised'; revision: number }
  | { kind: 'withdrawn'; revision: number }
  | { kind: 'unchanged' | 'stale' | 'already-processed' | 'killed' };

const CONTENT_FIELDS = ['title', 'byline', 'bodyHtml', 'bodyText', 'description'] as const;

/** Raw items read, and revisions written, in one statement batch at most. */
const BATCH = 64;

interface Application {
  raw: RawItemEntity & { articleId: string };
  draft: ArticleDraft;
}

/** What one input does to its article, decided under the article's lock. */
type Step =
  | { outcome: ProcessOutcome; write?: undefined }
  | { outcome: ProcessOutcome; write: 'kill'; reason: string }
  | { outcome: ProcessOutcome; write: 'touch' }
  | { outcome: ProcessOutcome; write: 'revise'; revision: NewRevision; article: RevisedArticle; subject: FingerprintSubject };

/**
 * Turns raw items into revisions of their articles. Safe to run twice for the same raw item (a retried job): the
 * raw item's status and the row lock on the article make the second run a no-op.
 *
 * Jobs running at once share their database work (group commit): their raw items are read in one statement, and
 * their revisions, the duplicate index and the raw items' status are written in one transaction, a few statements
 * for the whole batch. Two inputs of one article never share a batch, so they still apply one after the other.
 */
@Injectable()
export class RawItemProcessor {
  private readonly logger = new Logger(RawItemProcessor.name);
  private readonly reader = new MicroBatcher<string, RawItemEntity | null>((ids) => this.read(ids), { maxSize: BATCH });
  private readonly writer = new MicroBatcher<Application, ProcessOutcome>((batch) => this.applyAll(batch), {
    maxSize: BATCH,
    key: (application) => application.raw.articleId,
  });

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
    const raw = await this.reader.submit(rawItemId);
    if (!raw) throw new UnprocessableRawItemError(`raw item ${rawItemId} does not exist`);
    if (raw.status === RawItemStatus.Processed) return { kind: 'already-processed' };
    if (!raw.articleId) throw new UnprocessableRawItemError(`raw item ${rawItemId} has no article`);
    const articleId = raw.articleId;

    let draft: ArticleDraft;
    try {
      draft = await this.drafts.build(raw);
    } catch (err) {
      // Permanent: say why on the raw item and the article now. Anything else is retried by the job.
      if (err instanceof UnprocessableRawItemError) await this.fail(raw, err.message);
      throw err;
    }

    const outcome = await this.writer.submit({ raw: { ...raw, articleId }, draft });
    if (outcome.kind === 'withdrawn') await this.killer.announce(articleId, outcome.revision, raw.correlationId);
    if (outcome.kind === 'revised') {
      await this.queue.enqueue(
        JobName.EnrichArticle,
        { articleId, revision: outcome.revision, correlationId: raw.correlationId },
        { jobId: jobId('enrich', articleId, outcome.revision) },
      );
    }
    this.logger.log({ rawItemId, articleId, outcome: outcome.kind }, 'raw item processed');
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

  private async read(ids: string[]): Promise<Array<RawItemEntity | null>> {
    const found = new Map((await this.rawItems.findManyById(ids)).map((raw) => [raw.id, raw]));
    return ids.map((id) => found.get(id) ?? null);
  }

  private applyAll(batch: Application[]): Promise<ProcessOutcome[]> {
    return this.dataSource.transaction(async (manager) => {
      const locked = new Map(
        (await this.articles.lockMany([...new Set(batch.map((a) => a.raw.articleId))], manager)).map((a) => [a.id, a]),
      );
      const steps = batch.map(({ raw, draft }) => {
        const article = locked.get(raw.articleId);
        if (!article) throw new UnprocessableRawItemError(`article ${raw.articleId} does not exist`);
        return this.decide(raw, draft, article);
      });
      await this.write(batch, steps, manager);
      return steps.map((step) => step.outcome);
    });
  }

  private async write(batch: Application[], steps: Step[], manager: EntityManager): Promise<void> {
    for (const [i, step] of steps.entries()) {
      // Kills are rare: one statement each.
      if (step.write === 'kill') await this.articles.markKilled(batch[i].raw.articleId, step.reason, manager);
    }
    const revised = steps.flatMap((step) => (step.write === 'revise' ? [step] : []));
    await this.articles.applyInputs(
      {
        revised: revised.map((step) => ({ revision: step.revision, article: step.article })),
        touched: steps.flatMap((step, i) =>
          step.write === 'touch' ? [{ id: batch[i].raw.articleId, receivedAt: batch[i].raw.receivedAt }] : [],
        ),
        processedRawItemIds: batch.map((a) => a.raw.id),
      },
      manager,
    );
    await this.duplicates.indexMany(
      revised.map((step) => step.subject),
      manager,
    );
  }

  /** What this input does to the article as it stands (locked). Pure. */
  private decide(raw: Application['raw'], draft: ArticleDraft, article: ArticleEntity): Step {
    if (article.status === ArticleStatus.Killed) return { outcome: { kind: 'killed' } };
    if (draft.kill) return { outcome: { kind: 'withdrawn', revision: article.revision }, write: 'kill', reason: draft.kill.reason };
    // A late retry of an older input must never overwrite what a newer one brought.
    if (article.appliedReceivedAt && raw.receivedAt < article.appliedReceivedAt) return { outcome: { kind: 'stale' } };

    const changed = CONTENT_FIELDS.filter((field) => (article[field] ?? null) !== (draft[field] ?? null));
    if (article.revision > 0 && changed.length === 0 && article.status !== ArticleStatus.Failed) {
      return { outcome: { kind: 'unchanged' }, write: 'touch' };
    }

    const revision = article.revision + 1;
    const publishedAt = draft.publishedAt ?? article.publishedAt;
    return {
      outcome: { kind: 'revised', revision },
      write: 'revise',
      revision: {
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
      article: {
        id: article.id,
        title: draft.title,
        byline: draft.byline,
        authors: draft.authors,
        description: draft.description,
        bodyHtml: draft.bodyHtml,
        bodyText: draft.bodyText,
        url: draft.url,
        canonicalUrl: draft.canonicalUrl,
        language: draft.language ?? article.language,
        publishedAt,
        modifiedAt: draft.modifiedAt,
        embargoUntil: draft.embargoUntil,
        contentHash: draft.contentHash,
        metadata: { ...article.metadata, ...draft.metadata },
        contentChangedAt: article.contentHash !== draft.contentHash ? new Date() : article.contentChangedAt,
        revision,
        appliedReceivedAt: raw.receivedAt,
        correlationId: raw.correlationId,
      },
      subject: {
        articleId: article.id,
        sourceId: article.sourceId,
        revision,
        title: draft.title,
        bodyText: draft.bodyText,
        contentHash: draft.contentHash,
        publishedAt,
      },
    };
  }
}
