import { JobName, RawItemStatus, jobId } from '@copydesk/contracts';
import { ArticleRepository, RawItemRepository, type RawItemEntity } from '@copydesk/database';
import { JobQueue } from '@copydesk/queue';
import { MicroBatcher } from '@copydesk/runtime';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ArticleKiller } from '../articles/article-killer.service';
import { DuplicateDetector } from '../relate/duplicate-detector.service';
import { DraftBuilder } from './draft-builder.service';
import type { ArticleDraft } from './drafts/article-draft';
import { decideInput, type ProcessOutcome, type Step } from './input-decision';
import { UnprocessableRawItemError } from './unprocessable-raw-item.error';

/** Raw items read, and revisions written, in one statement batch at most. */
const BATCH = 64;

interface Application {
  raw: RawItemEntity & { articleId: string };
  draft: ArticleDraft;
}

export type { ProcessOutcome } from './input-decision';

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
        return decideInput(raw, draft, article);
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
    await this.articles.recordSuperseded(
      steps.flatMap((step) => (step.write === 'history' ? [step.revision] : [])),
      manager,
    );
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
}
