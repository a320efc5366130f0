import { AppConfig } from '@copydesk/config';
import { ArticleEventType, ArticleStatus, JobName, SubscriptionStatus, jobId } from '@copydesk/contracts';
import { ArticleRepository, DeliveryRepository, SourceRepository, SubscriptionRepository } from '@copydesk/database';
import { buildDeliveryPayload, matchesSubscription } from '@copydesk/delivery';
import { JobQueue } from '@copydesk/queue';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { toArticleForMatching, toArticleForPublishing } from './article-views';

/**
 * Decides who gets an article event: one delivery per matching active subscription, its payload frozen now, then
 * one deliver job each. Re-running it for the same event creates nothing new (unique delivery per subscription,
 * article, event and revision; deterministic job ids).
 */
@Injectable()
export class ArticleRouter {
  private readonly logger = new Logger(ArticleRouter.name);

  constructor(
    private readonly articles: ArticleRepository,
    private readonly sources: SourceRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async route(articleId: string, revision: number, requested: ArticleEventType, correlationId: string): Promise<number> {
    const article = await this.articles.findById(articleId);
    if (!article) return 0;
    const killed = article.status === ArticleStatus.Killed;
    if (requested !== ArticleEventType.Killed && (killed || article.revision !== revision)) return 0;
    // Whether this is a creation or an update is decided here, at routing time, from what was routed before.
    const event = requested === ArticleEventType.Killed ? requested : article.routedRevision === null ? ArticleEventType.Created : ArticleEventType.Updated;

    const source = await this.sources.findById(article.sourceId);
    const forMatching = toArticleForMatching(article, source);
    const forPublishing = toArticleForPublishing(article, source);
    const subscriptions = (await this.subscriptions.findActive()).filter(
      (subscription) => subscription.status === SubscriptionStatus.Active && subscription.events.includes(event),
    );
    const embargoDelay = article.embargoUntil ? Math.max(0, article.embargoUntil.getTime() - Date.now()) : 0;

    let routed = 0;
    for (const subscription of subscriptions) {
      if (!matchesSubscription(forMatching, subscription.filters).matched) continue;
      const delivery = await this.deliveries.createOnce({
        subscriptionId: subscription.id,
        articleId,
        event,
        revision,
        eventId: `msg_${randomUUID().replaceAll('-', '')}`,
        payload: buildDeliveryPayload(event, forPublishing, subscription.format, { baseUri: this.config.get('PUBLIC_BASE_URL'), occurredAt: new Date() }),
      });
      await this.queue.enqueue(
        JobName.Deliver,
        { deliveryId: delivery.id, articleId, correlationId },
        { jobId: jobId('deliver', delivery.id, 0), delay: embargoDelay },
      );
      routed++;
    }

    if (killed) await this.articles.update(articleId, { routedRevision: revision });
    else await this.articles.advanceStatus(articleId, revision, ArticleStatus.Published, { routedRevision: revision });
    this.logger.log({ articleId, revision, event, deliveries: routed }, 'article routed');
    return routed;
  }
}
