import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface ClusterRow {
  id: string;
  title: string | null;
  articleCount: number;
  firstPublishedAt: Date | null;
  lastPublishedAt: Date | null;
  createdAt: Date;
}

export interface ClusterArticleRow {
  id: string;
  title: string | null;
  sourceId: string;
  publishedAt: Date | null;
  status: string;
}

export interface EntityOverlapRow {
  articleId: string;
  clusterId: string | null;
  shared: string[];
}

// Any constant: it serialises cluster assignment, so two articles of one story never found two clusters at once.
const CLUSTER_LOCK_KEY = 7_301_450_223;

/** Story clusters, the salient-entity index they are found with, and merging. */
@Injectable()
export class ClusterRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CLUSTER_LOCK_KEY]);
      return work(manager);
    });
  }

  async replaceEntityKeys(articleId: string, keys: string[], publishedAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM article_entity_keys WHERE article_id = $1`, [articleId]);
    if (keys.length) {
      await manager.query(
        `INSERT INTO article_entity_keys (article_id, entity_key, published_at) SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING`,
        [articleId, keys, publishedAt],
      );
    }
  }

  /** Articles in the time window sharing at least `minShared` of these entity keys, with the keys they share. */
  async entityOverlaps(
    articleId: string,
    keys: string[],
    from: Date,
    to: Date,
    minShared: number,
    manager: EntityManager,
  ): Promise<EntityOverlapRow[]> {
    if (keys.length === 0) return [];
    const rows: Array<{ article_id: string; cluster_id: string | null; shared: string[] }> = await manager.query(
      `SELECT k.article_id, a.cluster_id, array_agg(k.entity_key) AS shared FROM article_entity_keys k JOIN articles a ON a.id = k.article_id
       WHERE k.entity_key = ANY($1::text[]) AND k.published_at BETWEEN $2 AND $3 AND k.article_id <> $4 AND a.status <> 'killed'
       GROUP BY k.article_id, a.cluster_id HAVING count(*) >= $5 LIMIT 200`,
      [keys, from, to, articleId, minShared],
    );
    return rows.map((r) => ({ articleId: r.article_id, clusterId: r.cluster_id, shared: r.shared }));
  }

  /** Near-duplicates of the article (either direction) with their clusters. */
  async relatedClusters(articleId: string, manager: EntityManager): Promise<Array<{ articleId: string; clusterId: string | null }>> {
    const rows: Array<{ id: string; cluster_id: string | null }> = await manager.query(
      `SELECT a.id, a.cluster_id FROM articles a WHERE a.status <> 'killed' AND a.id IN (
         SELECT related_article_id FROM article_relations WHERE article_id = $1 UNION SELECT article_id FROM article_relations WHERE related_article_id = $1)`,
      [articleId],
    );
    return rows.map((r) => ({ articleId: r.id, clusterId: r.cluster_id }));
  }

  async create(id: string, title: string | null, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO story_clusters (id, title) VALUES ($1, $2)`, [id, title]);
  }

  /** The oldest of these clusters: merges keep the oldest id, so an id once given stays valid. */
  async oldest(ids: string[], manager: EntityManager): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM story_clusters WHERE id = ANY($1::uuid[]) ORDER BY created_at, id LIMIT 1`,
      [ids],
    );
    return rows[0].id;
  }

  async mergeInto(target: string, others: string[], manager: EntityManager): Promise<void> {
    if (!others.length) return;
    await manager.query(`UPDATE articles SET cluster_id = $1 WHERE cluster_id = ANY($2::uuid[])`, [target, others]);
    await manager.query(`UPDATE story_clusters SET merged_into = $1, article_count = 0, updated_at = now() WHERE id = ANY($2::uuid[])`, [
      target,
      others,
    ]);
    // Clusters merged earlier into one of these now point at the target directly.
    await manager.query(`UPDATE story_clusters SET merged_into = $1 WHERE merged_into = ANY($2::uuid[])`, [target, others]);
  }

  async assign(articleIds: string[], clusterId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE articles SET cluster_id = $1 WHERE id = ANY($2::uuid[])`, [clusterId, articleIds]);
  }

  async refreshStats(clusterId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE story_clusters c SET article_count = s.n, first_published_at = s.first, last_published_at = s.last, updated_at = now(),
         title = COALESCE(c.title, s.title)
       FROM (SELECT count(*) AS n, min(coalesce(published_at, created_at)) AS first, max(coalesce(published_at, created_at)) AS last,
               (array_agg(title ORDER BY coalesce(published_at, created_at)))[1] AS title
             FROM articles WHERE cluster_id = $1) s
       WHERE c.id = $1`,
      [clusterId],
    );
  }

  /** A cluster by id, following merges to the cluster that holds the story now. */
  async find(id: string): Promise<ClusterRow | null> {
    const rows: Array<{
      id: string;
      title: string | null;
      article_count: number;
      first_published_at: Date | null;
      last_published_at: Date | null;
      created_at: Date;
    }> = await this.dataSource.query(
      `SELECT c.id, c.title, c.article_count, c.first_published_at, c.last_published_at, c.created_at FROM story_clusters c
         WHERE c.id = (SELECT coalesce(merged_into, id) FROM story_clusters WHERE id = $1)`,
      [id],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          title: r.title,
          articleCount: r.article_count,
          firstPublishedAt: r.first_published_at,
          lastPublishedAt: r.last_published_at,
          createdAt: r.created_at,
        }
      : null;
  }

  async articles(clusterId: string): Promise<ClusterArticleRow[]> {
    const rows: Array<{ id: string; title: string | null; source_id: string; published_at: Date | null; status: string }> =
      await this.dataSource.query(
        `SELECT id, title, source_id, published_at, status FROM articles WHERE cluster_id = $1 ORDER BY coalesce(published_at, created_at), id`,
        [clusterId],
      );
    return rows.map((r) => ({ id: r.id, title: r.title, sourceId: r.source_id, publishedAt: r.published_at, status: r.status }));
  }
}
