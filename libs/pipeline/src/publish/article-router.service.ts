import { AppConfig } from '@copydesk/config';
import { ArticleEventType, ArticleStatus, SubscriptionStatus } from '@copydesk/contracts';
import {
  ArticleRepository,
  DeliveryBatchRepository,
  DeliveryRepository,
  SourceRepository,
  SubscriptionRepository,
  type ArticleEntity,
  type DeliveryEntity,
  type NewDelivery,
  type SourceEntity,
  type SubscriptionEntity,
} from '@copydesk/database';
import { buildDeliveryPayload, DEFAULT_OUTPUT_FORMAT, matchesSubscription } from '@copydesk/delivery';
import { MicroBatcher } from '@copydesk/runtime';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { toArticleForMatching, toArticleForPublishing } from './article-views';
import { type DeliveryJobReason, DeliveryScheduler } from './delivery-scheduler.service';
import { publicationHold } from './publication-hold';

interface RoutingPlan {
  event: ArticleEventType | 'stale';
  created: number;
  /** Deliveries to queue once the transaction has committed, with why. */
  queue: Array<{ delivery: DeliveryEntity; reason: DeliveryJobReason }>;
}

const NOTHING: RoutingPlan = { event: 'stale', created: 0, queue: [] };

/** One route job of a revision (not a kill), waiting to be routed with others. */
interface RevisionRoute {
  articleId: string;
  revision: number;
  routeKey: string;
}

/** Route jobs of revisions routed in one transaction at most. */
const BATCH = 64;

/**
 * Decides who gets an article event: one delivery per subscription, its payload frozen now, then a deliver job
 * each (delayed to the embargo). Runs under the article's row lock, so the routes of one article (a revision and
 * a kill, say) happen one after the other and each delivery's `seq` reflects that order; the publish worker then
 * sends one article's events to a subscription in `seq` order.
 *
 * - A revision goes to active and paused subscriptions (paused ones keep it until they resume) that match the
 *   filters. It is `article.created` for a subscription that has not been sent this article before, else
 *   `article.updated`. The current revision may be routed again (re-enrichment, an editor's correction, each
 *   under a route job id of its own): that is a new update.
 * - A kill goes to the subscriptions that may hold the article (something was attempted or is in flight) and
 *   cancels their creations and updates not sent yet; where nothing was ever attempted (an embargo, say), the
 *   kill is not sent at all and the earlier events never will be.
 * Re-running the same route job creates nothing new: deliveries are unique per subscription and `routeKey` (the
 * route job's id), and deliver job ids are deterministic.
 */
@Injectable()
export class ArticleRouter {
  private readonly logger = new Logger(ArticleRouter.name);
  private readonly revisions = new MicroBatcher<RevisionRoute, RoutingPlan>((batch) => this.routeRevisions(batch), {
    maxSize: BATCH,
    key: (route) => route.articleId,
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleRepository,
    private readonly sources: SourceRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly batches: DeliveryBatchRepository,
    private readonly scheduler: DeliveryScheduler,
    private readonly config: AppConfig,
  ) {}

  /** `routeKey` identifies this routing (the route job's id); the same key again is a retry. */
  async route(
    articleId: string,
    revision: number,
    requested: ArticleEventType,
    correlationId: string,
    routeKey = `${requested}.${revision}`,
  ): Promise<number> {
    const plan =
      requested === ArticleEventType.Killed
        ? await this.dataSource.transaction(async (manager) => {
            const article = await this.articles.findForUpdate(articleId, manager);
            return article ? this.routeKill(article, routeKey, manager) : NOTHING;
          })
        : await this.revisions.submit({ articleId, revision, routeKey });
    // After the commit: a job must never run before its delivery row is visible. A crash between the two leaves
    // the rows pending; the retried route job (or the delivery sweeper) queues them.
    await Promise.all(
      plan.queue.map(({ delivery, reason }) =>
        this.scheduler.enqueue({ id: delivery.id, articleId, attempts: delivery.attempts, correlationId }, reason, {
          at: delivery.nextAttemptAt,
          correlationId,
        }),
      ),
    );
    if (plan.event !== 'stale') this.logger.log({ articleId, revision, event: plan.event, deliveries: plan.created }, 'article routed');
    return plan.created;
  }

  /**
   * Routes the revisions of several articles in one transaction: their rows locked together, the subscriptions and
   * sources read once, their deliveries inserted in one statement (in order, so `seq` keeps each article's order).
   */
  private routeRevisions(batch: RevisionRoute[]): Promise<RoutingPlan[]> {
    return this.dataSource.transaction(async (manager) => {
      const locked = new Map(
        (
          await this.articles.lockMany(
            batch.map((r) => r.articleId),
            manager,
          )
        ).map((a) => [a.id, a]),
      );
      // A newer revision has its own route job; a killed article gets nothing more.
      const current = batch.flatMap((r) => {
        const article = locked.get(r.articleId);
        return article && article.status !== ArticleStatus.Killed && article.revision === r.revision ? [{ ...r, article }] : [];
      });
      const routable = await this.withoutHeld(current, manager);
      if (!routable.length) return batch.map(() => NOTHING);
      const sources = new Map(
        (await this.sources.findManyById([...new Set(routable.map((r) => r.article.sourceId))], manager)).map((source) => [
          source.id,
          source,
        ]),
      );
      const alreadySent = await this.batches.subscriptionIdsForMany(
        routable.map((r) => r.articleId),
        manager,
      );
      const subscriptions = await this.subscriptions.findRoutable(manager);
      const now = new Date();
      const planned = routable.map((r) =>
        this.planRevision(r.article, r.routeKey, sources.get(r.article.sourceId) ?? null, alreadySent, subscriptions, now),
      );
      const created = await this.batches.createMany(
        planned.flatMap((p) => p.deliveries),
        manager,
      );
      // The embargo was lifted or brought forward by this revision: earlier events must not wait for the old time.
      const broughtForward = await this.batches.bringForwardMany(
        planned.map((p) => ({ articleId: p.article.id, due: p.due })),
        manager,
      );
      await this.articles.markRouted(
        routable.map((r) => ({ id: r.articleId, revision: r.revision })),
        manager,
      );
      const plans = new Map<string, RoutingPlan>();
      for (const p of planned) {
        const mine = created.filter((d) => d.articleId === p.article.id);
        plans.set(p.article.id, {
          event: p.article.routedRevision === null ? ArticleEventType.Created : ArticleEventType.Updated,
          created: mine.length,
          queue: [
            ...mine.map((delivery) => ({ delivery, reason: 'route' as const })),
            ...broughtForward.filter((d) => d.articleId === p.article.id).map((delivery) => ({ delivery, reason: 'embargo' as const })),
          ],
        });
      }
      return batch.map((r) => plans.get(r.articleId) ?? NOTHING);
    });
  }

  /** A revision its source holds back is not sent: the article waits, withheld, for a revision that lifts the hold. */
  private async withoutHeld<T extends { article: ArticleEntity }>(routes: T[], manager: EntityManager): Promise<T[]> {
    const held = routes.filter((r) => publicationHold(r.article) !== null);
    for (const r of held) await this.articles.update(r.article.id, { status: ArticleStatus.Withheld }, manager);
    return routes.filter((r) => !held.includes(r));
  }

  /** The deliveries one revision makes: one per matching subscription, `created` or `updated`, its payload frozen now. */
  private planRevision(
    article: ArticleEntity,
    routeKey: string,
    source: SourceEntity | null,
    alreadySent: Map<string, Set<string>>,
    subscriptions: SubscriptionEntity[],
    now: Date,
  ): { article: ArticleEntity; due: Date; deliveries: NewDelivery[] } {
    const due = article.embargoUntil && article.embargoUntil > now ? article.embargoUntil : now;
    const forMatching = toArticleForMatching(article, source);
    const payloads = this.payloadCache(toArticleForPublishing(article, source), now);
    const sent = alreadySent.get(article.id) ?? new Set<string>();
    const deliveries: NewDelivery[] = [];
    for (const subscription of subscriptions) {
      const event = sent.has(subscription.id) ? ArticleEventType.Updated : ArticleEventType.Created;
      if (!subscription.events.includes(event)) continue;
      if (!matchesSubscription(forMatching, subscription.filters).matched) continue;
      // A retried route job finds what its first run made (whose event was decided then) and queues it again.
      deliveries.push({
        subscriptionId: subscription.id,
        articleId: article.id,
        event,
        revision: article.revision,
        routeKey,
        eventId: newEventId(),
        payload: payloads(event, subscription),
        nextAttemptAt: due,
      });
    }
    return { article, due, deliveries };
  }

  private async routeKill(article: ArticleEntity, routeKey: string, manager: EntityManager): Promise<RoutingPlan> {
    if (article.status !== ArticleStatus.Killed) {
      this.logger.warn({ articleId: article.id, status: article.status }, 'kill route for an article that is not killed; ignored');
      return NOTHING;
    }
    const now = new Date();
    const payloads = this.payloadCache(
      toArticleForPublishing(article, await this.sources.findById(article.sourceId, manager)),
      article.killedAt ?? now,
    );
    const targets = await this.subscriptions.findByIds(
      [...(await this.deliveries.subscriptionIdsFor(article.id, { includeCancelled: true }, manager))],
      manager,
    );

    const plan: RoutingPlan = { event: ArticleEventType.Killed, created: 0, queue: [] };
    for (const subscription of targets) {
      const cancelled = await this.deliveries.cancelPendingForArticle(
        subscription.id,
        article.id,
        'superseded by the kill of the article',
        manager,
      );
      if (cancelled)
        this.logger.log({ articleId: article.id, subscriptionId: subscription.id, cancelled }, 'pending events cancelled by a kill');
      if (subscription.status === SubscriptionStatus.Disabled || !subscription.events.includes(ArticleEventType.Killed)) continue;
      // Nothing ever left for this subscriber: there is nothing to take down.
      if (!(await this.deliveries.mayHaveReached(subscription.id, article.id, manager))) continue;
      const delivery = await this.deliveries.createOnce(
        {
          subscriptionId: subscription.id,
          articleId: article.id,
          event: ArticleEventType.Killed,
          revision: article.revision,
          routeKey,
          eventId: newEventId(),
          payload: payloads(ArticleEventType.Killed, subscription),
          // Kills are never embargoed: take it down now.
          nextAttemptAt: now,
        },
        manager,
      );
      plan.queue.push({ delivery, reason: 'route' });
      plan.created++;
    }
    await this.articles.update(article.id, { routedRevision: article.revision }, manager);
    return plan;
  }

  /** One payload per event and format, built on first use: fifty subscriptions in one format share one string. */
  private payloadCache(article: ReturnType<typeof toArticleForPublishing>, occurredAt: Date) {
    const built = new Map<string, string>();
    const baseUri = `${this.config.get('PUBLIC_BASE_URL').replace(/\/$/, '')}/v1/articles`;
    return (event: ArticleEventType, subscription: SubscriptionEntity): string => {
      const format = subscription.format ?? DEFAULT_OUTPUT_FORMAT;
      const key = `${event}|${format}`;
      let payload = built.get(key);
      if (payload === undefined) {
        payload = buildDeliveryPayload(event, article, format, { baseUri, occurredAt });
        built.set(key, payload);
      }
      return payload;
    };
  }
}

/** The `webhook-id`: one per event and subscription, the same on every retry and replay. */
export function newEventId(): string {
  return `msg_${randomUUID().replaceAll('-', '')}`;
}
