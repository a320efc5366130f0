import { ArticleStatus } from '@copydesk/contracts';
import { ArticleRepository, ClusterRepository } from '@copydesk/database';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { sharesStory, storyEntityKeys, type StoredEntities } from './story-evidence';

/** How far apart two articles of one story may be published. */
const STORY_WINDOW_HOURS = 72;

export type ClusterOutcome = { clusterId: string; joined: number } | { clusterId: null; reason: string };

/**
 * Puts an enriched article in its story cluster: with its near-duplicates, and with articles of the last few days
 * that share its salient people and organisations. When the article links two clusters they merge into the older,
 * whose id therefore never changes; the younger id keeps resolving to it.
 */
@Injectable()
export class ClusterAssigner {
  private readonly logger = new Logger(ClusterAssigner.name);

  constructor(
    private readonly articles: ArticleRepository,
    private readonly clusters: ClusterRepository,
  ) {}

  async assign(articleId: string): Promise<ClusterOutcome> {
    const article = await this.articles.findById(articleId);
    if (!article || article.status === ArticleStatus.Killed || !article.enrichment)
      return { clusterId: null, reason: 'not enriched or killed' };
    const when = article.publishedAt ?? article.createdAt;
    const keys = storyEntityKeys((article.enrichment as { entities?: StoredEntities }).entities);
    const window = STORY_WINDOW_HOURS * 3_600_000;

    return this.clusters.transaction(async (manager) => {
      await this.clusters.replaceEntityKeys(articleId, keys, when, manager);
      const duplicates = await this.clusters.relatedClusters(articleId, manager);
      const overlaps = (
        await this.clusters.entityOverlaps(
          articleId,
          keys,
          new Date(when.getTime() - window),
          new Date(when.getTime() + window),
          2,
          manager,
        )
      ).filter((o) => sharesStory(o.shared));
      const members = [...duplicates, ...overlaps.map((o) => ({ articleId: o.articleId, clusterId: o.clusterId }))];
      const clusterIds = [...new Set([article.clusterId, ...members.map((m) => m.clusterId)].filter((id): id is string => id !== null))];

      let clusterId: string;
      if (clusterIds.length === 0) {
        if (members.length === 0) return { clusterId: null, reason: 'no related article yet' };
        clusterId = randomUUID();
        await this.clusters.create(clusterId, article.title, manager);
      } else {
        clusterId = clusterIds.length === 1 ? clusterIds[0] : await this.clusters.oldest(clusterIds, manager);
        await this.clusters.mergeInto(
          clusterId,
          clusterIds.filter((id) => id !== clusterId),
          manager,
        );
      }
      const unclustered = members.filter((m) => m.clusterId === null).map((m) => m.articleId);
      await this.clusters.assign([articleId, ...unclustered], clusterId, manager);
      await this.clusters.refreshStats(clusterId, manager);
      this.logger.log({ articleId, clusterId, members: members.length }, 'article clustered');
      return { clusterId, joined: members.length };
    });
  }
}
