import { AppConfig } from '@copydesk/config';
import { ArticleEventType, AuditAction, SubscriptionStatus } from '@copydesk/contracts';
import {
  ArticleRepository,
  type AuditActor,
  AuditLogRepository,
  DeliveryRepository,
  SourceRepository,
  SubscriptionRepository,
  type DeliveryEntity,
  type TakedownCounts,
  TakedownRepository,
} from '@copydesk/database';
import { buildDeliveryPayload, DEFAULT_OUTPUT_FORMAT } from '@copydesk/delivery';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CopydeskException, ErrorCode } from '../errors/copydesk.exception';
import { newEventId } from '../publish/article-router.service';
import { toArticleForPublishing } from '../publish/article-views';
import { DeliveryScheduler } from '../publish/delivery-scheduler.service';

/** What a takedown did, as the API reports it. */
export interface TakedownReport {
  id: string;
  removed: TakedownCounts;
  /** Subscriptions sent `article.killed` (those that may hold the article). */
  killsSent: number;
}

/**
 * An administrator's takedown (a legal request, say): unlike a kill, the article's content is deleted everywhere,
 * not just withdrawn. In one transaction, under the article's row lock: who may hold the article is noted, then
 * every revision, raw input, relation and delivery of it is removed, the row is left as a content-free tombstone,
 * an `article.killed` (built from the tombstone, so it carries no content) is created for each subscription that
 * may hold the article, and an audit record says who did it, when and why, with counts and nothing else.
 */
@Injectable()
export class ArticleTakedown {
  private readonly logger = new Logger(ArticleTakedown.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleRepository,
    private readonly takedowns: TakedownRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly sources: SourceRepository,
    private readonly scheduler: DeliveryScheduler,
    private readonly audit: AuditLogRepository,
    private readonly config: AppConfig,
  ) {}

  async takeDown(articleId: string, reason: string, actor: AuditActor): Promise<TakedownReport> {
    const { correlationId } = actor;
    const { counts, kills } = await this.dataSource.transaction(async (manager) => {
      const article = await this.articles.findForUpdate(articleId, manager);
      if (!article) throw new CopydeskException(ErrorCode.ArticleNotFound, `No article has the id ${articleId}.`);
      // Before anything is deleted: the deliveries say who may have the article.
      const holders = [];
      for (const subscription of await this.subscriptions.findByIds(
        [...(await this.deliveries.subscriptionIdsFor(articleId, { includeCancelled: true }, manager))],
        manager,
      )) {
        if (await this.deliveries.mayHaveReached(subscription.id, articleId, manager)) holders.push(subscription);
      }
      const removed = await this.takedowns.removeContent(articleId, manager);
      const tombstone = await this.articles.findById(articleId, manager);
      const source = await this.sources.findById(article.sourceId, manager);
      const now = new Date();
      const baseUri = `${this.config.get('PUBLIC_BASE_URL').replace(/\/$/, '')}/v1/articles`;
      const created: DeliveryEntity[] = [];
      for (const subscription of holders) {
        if (subscription.status === SubscriptionStatus.Disabled || !subscription.events.includes(ArticleEventType.Killed)) continue;
        const payload = buildDeliveryPayload(
          ArticleEventType.Killed,
          toArticleForPublishing(tombstone ?? article, source),
          subscription.format ?? DEFAULT_OUTPUT_FORMAT,
          { baseUri, occurredAt: now },
        );
        created.push(
          await this.deliveries.createOnce(
            {
              subscriptionId: subscription.id,
              articleId,
              event: ArticleEventType.Killed,
              revision: article.revision,
              routeKey: 'takedown',
              eventId: newEventId(),
              payload,
              nextAttemptAt: now,
            },
            manager,
          ),
        );
      }
      // Who, when, why and how much; never what was taken down.
      await this.audit.record(
        actor,
        { action: AuditAction.ArticleTakenDown, targetType: 'article', targetId: articleId, details: { reason, removed } },
        manager,
      );
      return { counts: removed, kills: created };
    });
    // After the commit; a lost enqueue leaves the delivery pending, for the delivery sweeper.
    for (const delivery of kills) {
      await this.scheduler
        .enqueue({ id: delivery.id, articleId, attempts: delivery.attempts, correlationId }, 'route', { correlationId })
        .catch((err: unknown) => this.logger.warn({ err, deliveryId: delivery.id }, 'takedown kill not queued; the delivery sweeper will'));
    }
    this.logger.warn({ articleId, removed: counts, killsSent: kills.length }, 'article taken down');
    return { id: articleId, removed: counts, killsSent: kills.length };
  }
}
