import { AppConfig } from '@copydesk/config';
import { ArticleEventType, ArticleStatus, JobName, jobId } from '@copydesk/contracts';
import { RawItemRepository, RecoveryRepository, type StuckArticle, type UnannouncedKill } from '@copydesk/database';
import { JobQueue, RedisClient } from '@copydesk/queue';
import { PeriodicSweep, withDeadline } from '@copydesk/runtime';
import { Injectable } from '@nestjs/common';
import { RawItemProcessor } from '../ingest/raw-item-processor.service';
import { PollScheduler } from '../sources/poll-scheduler.service';

const BATCH = 200;

/**
 * Every accepted input ends in a final state (published, failed with a reason, or killed), whatever crashed and for
 * how long. Jobs carry the pipeline from stage to stage, and a job can be lost (Redis restarted empty), die with its
 * worker more often than BullMQ re-runs it, or fail through every attempt while a dependency was down. PostgreSQL
 * knows where each article stands, so this looks there, at boot and on an interval, for work that stopped moving:
 *
 * - raw items queued but not processed, articles left at `extracted` (enrichment) or `enriched` (routing), and
 *   recent kills never announced to subscribers that may hold the article;
 * - for each, the job that should carry it, by its deterministic id: when that job is waiting, delayed or running,
 *   nothing is done; otherwise it is retried (failed) or added again (lost), under the same id, so the work is never
 *   doubled however many ingest workers reconcile at once;
 * - a row is driven again at most once per RECONCILE_STUCK_AFTER_MS, and after RECONCILE_MAX_REDRIVES without
 *   moving on it is failed with the reason (a job that crashes its worker every time cannot loop for ever).
 *
 * Pending deliveries are the publish worker's DeliverySweeper's; feed poll schedules lost with Redis are restored here.
 */
@Injectable()
export class PipelineReconciler extends PeriodicSweep {
  protected readonly intervalMs: number;
  protected override readonly runAtBoot = true;
  private readonly stuckSeconds: number;
  private readonly maxRedrives: number;
  private readonly aliveKey: string;

  constructor(
    private readonly recovery: RecoveryRepository,
    private readonly rawItems: RawItemRepository,
    private readonly rawItemProcessor: RawItemProcessor,
    private readonly queue: JobQueue,
    private readonly polls: PollScheduler,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
    this.intervalMs = config.get('RECONCILE_INTERVAL_MS');
    this.stuckSeconds = config.get('RECONCILE_STUCK_AFTER_MS') / 1000;
    this.maxRedrives = config.get('RECONCILE_MAX_REDRIVES');
    this.aliveKey = `${config.get('QUEUE_PREFIX')}:reconciler:redis-epoch`;
  }

  /** One pass; returns how many rows it drove again (or failed for good). */
  async sweep(): Promise<number> {
    await this.restorePollSchedules();
    const driven = (await this.rawItemsStuck()) + (await this.articlesStuck()) + (await this.killsUnannounced());
    if (driven) this.logger.warn({ driven }, 'reconciler drove stuck work again');
    return driven;
  }

  private async rawItemsStuck(): Promise<number> {
    let driven = 0;
    for (const item of await this.recovery.stuckRawItems(this.stuckSeconds, BATCH)) {
      const id = jobId('raw', item.id);
      if (await this.queue.inFlight(JobName.ProcessRawItem, id)) continue;
      const redrives = await this.recovery.claimRawItem(item.id, this.stuckSeconds);
      if (redrives === null) continue;
      driven++;
      if (redrives > this.maxRedrives) {
        const raw = await this.rawItems.findById(item.id);
        const lastError = await this.queue.failedReason(JobName.ProcessRawItem, id);
        if (raw) await this.rawItemProcessor.fail(raw, this.giveUpReason('processing this input', lastError));
        this.logger.error({ rawItemId: item.id, articleId: item.articleId, redrives }, 'raw item failed: stuck through every re-drive');
        continue;
      }
      const how = await this.queue.redrive(
        JobName.ProcessRawItem,
        { rawItemId: item.id, articleId: item.articleId, correlationId: item.correlationId },
        id,
      );
      this.logger.warn({ rawItemId: item.id, articleId: item.articleId, redrives, how }, 'stuck raw item driven again');
    }
    return driven;
  }

  private async articlesStuck(): Promise<number> {
    let driven = 0;
    for (const article of await this.recovery.stuckArticles(this.stuckSeconds, BATCH)) {
      const enrich = article.status === ArticleStatus.Extracted;
      const id = enrich ? jobId('enrich', article.id, article.revision) : jobId('route', article.id, article.revision);
      if (await this.queue.inFlight(enrich ? JobName.EnrichArticle : JobName.RouteArticle, id)) continue;
      const redrives = await this.recovery.claimArticle(article.id, article.status, this.stuckSeconds);
      if (redrives === null) continue;
      driven++;
      if (redrives > this.maxRedrives) {
        const lastError = await this.queue.failedReason(enrich ? JobName.EnrichArticle : JobName.RouteArticle, id);
        await this.recovery.failStuckArticle(
          article.id,
          article.status,
          this.giveUpReason(enrich ? 'enrichment' : 'publication', lastError),
        );
        this.logger.error({ articleId: article.id, status: article.status, redrives }, 'article failed: stuck through every re-drive');
        continue;
      }
      const how = await this.redriveArticle(article, id);
      this.logger.warn(
        { articleId: article.id, status: article.status, revision: article.revision, redrives, how },
        'stuck article driven again',
      );
    }
    return driven;
  }

  private redriveArticle(article: StuckArticle, id: string): Promise<string> {
    const correlationId = article.correlationId ?? article.id;
    if (article.status === ArticleStatus.Extracted) {
      return this.queue.redrive(JobName.EnrichArticle, { articleId: article.id, revision: article.revision, correlationId }, id);
    }
    // The event the route job would have been queued with: created until a revision of it was routed.
    const event = article.routedRevision === null ? ArticleEventType.Created : ArticleEventType.Updated;
    return this.queue.redrive(JobName.RouteArticle, { articleId: article.id, revision: article.revision, event, correlationId }, id);
  }

  private async killsUnannounced(): Promise<number> {
    let driven = 0;
    for (const kill of await this.recovery.unannouncedKills(this.stuckSeconds, this.maxRedrives, BATCH)) {
      const id = jobId('route', kill.id, 'kill');
      if (await this.queue.inFlight(JobName.RouteArticle, id)) continue;
      const redrives = await this.recovery.claimArticle(kill.id, ArticleStatus.Killed, this.stuckSeconds);
      if (redrives === null) continue;
      driven++;
      const how = await this.redriveKill(kill, id);
      this.logger.warn({ articleId: kill.id, redrives, how }, 'unannounced kill routed again');
    }
    return driven;
  }

  private redriveKill(kill: UnannouncedKill, id: string): Promise<string> {
    const data = {
      articleId: kill.id,
      revision: kill.revision,
      event: ArticleEventType.Killed,
      correlationId: kill.correlationId ?? kill.id,
    };
    return this.queue.redrive(JobName.RouteArticle, data, id);
  }

  /**
   * Feed poll schedules live in Redis only. A key that every reconciler keeps set tells whether this Redis is the one
   * they were made in: missing means Redis lost its data (or this is the first start), so the schedules are restored.
   */
  private async restorePollSchedules(): Promise<void> {
    const fresh = await withDeadline(this.redis.set(this.aliveKey, String(Date.now()), 'NX'), 5_000, 'redis', 'checking the Redis epoch');
    if (fresh !== 'OK') return;
    try {
      await this.polls.reconcile();
    } catch (err) {
      await this.redis.del(this.aliveKey).catch(() => undefined);
      throw err;
    }
  }

  private giveUpReason(stage: string, lastError: string | null): string {
    const window = Math.round(this.stuckSeconds);
    const how = lastError ? `its job failed: ${lastError.slice(0, 500)}` : 'its job was lost or ended its worker';
    return `${stage} stopped ${this.maxRedrives} times (${how}; re-driven after ${window} s each time); given up`;
  }
}
