import {
  ArticleRepository,
  ClusterRepository,
  DashboardRepository,
  DeliveryRepository,
  RawItemRepository,
  RelationRepository,
  SourceRepository,
  type ArticleEntity,
  type ArticleRevisionEntity,
  type ClusterArticleRow,
  type ClusterRow,
  type DeliveryAttemptEntity,
  type DeliveryEntity,
  type RawItemEntity,
  type RelatedArticleRow,
  type SourceEntity,
} from '@copydesk/database';
import { AppConfig } from '@copydesk/config';
import { CopydeskException, ErrorCode, SubscriptionManager } from '@copydesk/pipeline';
import { Injectable } from '@nestjs/common';

/** How much of a raw input the page shows; the rest is a download away. */
export const RAW_SHOWN_BYTES = 64 * 1024;

export interface RawInput {
  item: RawItemEntity;
  text: string;
  truncated: boolean;
  binary: boolean;
}

export interface DeliveryWithAttempts {
  delivery: DeliveryEntity;
  subscriptionName: string;
  attempts: DeliveryAttemptEntity[];
}

/** Everything the article page shows, read at once. */
export interface ArticleDetail {
  article: ArticleEntity;
  source: SourceEntity | null;
  rawItems: RawItemEntity[];
  /** The newest input, as received. */
  latestRaw: RawInput | null;
  revisions: ArticleRevisionEntity[];
  related: RelatedArticleRow[];
  cluster: { cluster: ClusterRow; articles: ClusterArticleRow[] } | null;
  deliveries: DeliveryWithAttempts[];
  sources: Map<string, string>;
}

/** Reads an input's bytes as text for display (never as markup): UTF-8, cut at RAW_SHOWN_BYTES. */
export function rawAsText(item: RawItemEntity): RawInput {
  const payload = item.payload;
  const shown = payload.subarray(0, RAW_SHOWN_BYTES);
  const binary = shown.includes(0);
  return { item, text: binary ? '' : shown.toString('utf8'), truncated: payload.length > RAW_SHOWN_BYTES, binary };
}

@Injectable()
export class ArticleDetails {
  constructor(
    private readonly articles: ArticleRepository,
    private readonly sources: SourceRepository,
    private readonly rawItems: RawItemRepository,
    private readonly relations: RelationRepository,
    private readonly clusters: ClusterRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly dashboard: DashboardRepository,
    private readonly subscriptions: SubscriptionManager,
    private readonly config: AppConfig,
  ) {}

  async read(id: string): Promise<ArticleDetail> {
    const article = await this.articles.findById(id);
    if (!article) throw new CopydeskException(ErrorCode.ArticleNotFound, `No article has the id ${id}.`);
    const [rawItems, revisions, related, deliveries, allSources, subscriptions] = await Promise.all([
      this.rawItems.listForArticle(id),
      this.articles.listRevisions(id),
      this.relations.related(id, this.config.get('RELATIONS_PER_ARTICLE')),
      this.deliveries.listForArticle(id),
      this.sources.list(),
      this.subscriptions.list(),
    ]);
    const latest = rawItems[0] ? await this.rawItems.findById(rawItems[0].id) : null;
    const attempts = await this.dashboard.attemptsFor(deliveries.map((d) => d.id));
    const cluster = article.clusterId ? await this.clusters.find(article.clusterId) : null;
    const names = new Map(subscriptions.map((s) => [s.id, s.name ?? s.url]));
    return {
      article,
      source: allSources.find((s) => s.id === article.sourceId) ?? null,
      rawItems,
      latestRaw: latest ? rawAsText(latest) : null,
      revisions,
      related,
      cluster: cluster ? { cluster, articles: await this.clusters.articles(cluster.id) } : null,
      deliveries: deliveries.map((delivery) => ({
        delivery,
        subscriptionName: names.get(delivery.subscriptionId) ?? `deleted subscription ${delivery.subscriptionId.slice(0, 8)}`,
        attempts: attempts.filter((a) => a.deliveryId === delivery.id),
      })),
      sources: new Map(allSources.map((s) => [s.id, s.slug])),
    };
  }

  /** One raw input in full, for its own page. */
  async raw(id: string): Promise<RawInput> {
    const item = await this.rawItems.findById(id);
    if (!item) throw new CopydeskException(ErrorCode.NotFound, `No raw item has the id ${id}.`);
    return rawAsText(item);
  }
}
