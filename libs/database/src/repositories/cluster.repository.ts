import type { ArticleStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedRows } from './query-rows';

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

/** What placing an article in its story cluster starts from. */
export interface StorySubjectRow {
  id: string;
  status: ArticleStatus;
  title: string | null;
  clusterId: string | null;
  when: Date;
  enriched: boolean;
  entities: unknown;
}

/** An article related to the one being placed: a near-duplicate, or one sharing `shared` entity keys. */
export interface NeighbourRow {
  articleId: string;
  clusterId: string | null;
  /** When it was published (or received). */
  when: Date;
  duplicate: boolean;
  shared: string[];
}

/** A cluster's size and time span, as stored. */
export interface ClusterStateRow {
  id: string;
  createdAt: Date;
  size: number;
  first: Date | null;
  last: Date | null;
}

// Per subject: near-duplicates in both directions (the best $6 each way) and articles sharing at least two entity
// keys in its window; each key's lookup reads at most $7 rows, newest first, however common the key: the cost stays
// bounded when a thousand templated stories share every name. One statement for a whole batch of subjects.
const NEIGHBOURS = `
  WITH subject AS (
    SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS s(id, from_at, to_at)
  ), dup AS (
    SELECT s.id AS subject, d.id
    FROM subject s CROSS JOIN LATERAL (
      (SELECT related_article_id AS id FROM article_relations WHERE article_id = s.id ORDER BY similarity DESC LIMIT $6)
      UNION
      (SELECT article_id FROM article_relations WHERE related_article_id = s.id ORDER BY similarity DESC LIMIT $6)
    ) d
  ), keyed AS (
    SELECT s.id AS subject, k.article_id AS id, array_agg(k.entity_key) AS shared
    FROM unnest($4::uuid[], $5::text[]) AS q(subject, entity_key)
    JOIN subject s ON s.id = q.subject
    CROSS JOIN LATERAL (SELECT article_id, entity_key FROM article_entity_keys k
                        WHERE k.entity_key = q.entity_key AND k.published_at BETWEEN s.from_at AND s.to_at AND k.article_id <> s.id
                        ORDER BY k.published_at DESC LIMIT $7) k
    GROUP BY s.id, k.article_id HAVING count(*) >= 2
  ), found AS (
    SELECT coalesce(d.subject, k.subject) AS subject, coalesce(d.id, k.id) AS id, d.id IS NOT NULL AS duplicate,
           coalesce(k.shared, '{}') AS shared
    FROM dup d FULL JOIN keyed k ON k.subject = d.subject AND k.id = d.id
  )
  -- From the few ids found to their rows (a join from articles would read the whole table: 94 ms at 50k articles).
  SELECT f.subject, a.id, a.cluster_id, coalesce(a.published_at, a.created_at) AS "when", f.duplicate, f.shared
  FROM found f JOIN articles a ON a.id = f.id
  WHERE a.status <> 'killed'`;

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

  /** The articles to place, with what placing them needs (entities from the stored enrichment). */
  async storySubjects(ids: string[]): Promise<StorySubjectRow[]> {
    const rows: Array<{
      id: string;
      status: ArticleStatus;
      title: string | null;
      cluster_id: string | null;
      when: Date;
      enriched: boolean;
      entities: unknown;
    }> = await this.dataSource.query(
      `SELECT id, status, title, cluster_id, coalesce(published_at, created_at) AS "when", enrichment IS NOT NULL AS enriched,
              enrichment->'entities' AS entities
       FROM articles WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      title: r.title,
      clusterId: r.cluster_id,
      when: r.when,
      enriched: r.enriched,
      entities: r.entities,
    }));
  }

  /** Replaces several articles' entity keys: two statements for any number. */
  async replaceEntityKeysMany(
    rows: Array<{ articleId: string; keys: string[]; publishedAt: Date }>,
    manager: EntityManager,
  ): Promise<void> {
    if (!rows.length) return;
    await preparedRows(manager, 'clusters_entity_keys_delete', `DELETE FROM article_entity_keys WHERE article_id = ANY($1::uuid[])`, [
      rows.map((r) => r.articleId),
    ]);
    const keys = rows.flatMap((r) => [...new Set(r.keys)].map((key) => [r.articleId, key, r.publishedAt] as const));
    if (!keys.length) return;
    await manager.query(
      `INSERT INTO article_entity_keys (article_id, entity_key, published_at) SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[])
       ON CONFLICT DO NOTHING`,
      [keys.map(([id]) => id), keys.map(([, key]) => key), keys.map(([, , at]) => at)],
    );
  }

  /**
   * Articles related to each subject (see NEIGHBOURS), bounded by `limits` whatever the data; every subject has an
   * entry, empty when nothing relates to it.
   */
  async neighboursMany(
    subjects: Array<{ articleId: string; keys: string[]; from: Date; to: Date }>,
    limits: { duplicates: number; perKey: number },
    manager: EntityManager,
  ): Promise<Map<string, NeighbourRow[]>> {
    const found = new Map(subjects.map((s): [string, NeighbourRow[]] => [s.articleId, []]));
    if (!subjects.length) return found;
    const keys = subjects.flatMap((s) => s.keys.map((key) => [s.articleId, key] as const));
    const rows: Array<{ subject: string; id: string; cluster_id: string | null; when: Date; duplicate: boolean; shared: string[] }> =
      await preparedRows(manager, 'clusters_neighbours_many', NEIGHBOURS, [
        subjects.map((s) => s.articleId),
        subjects.map((s) => s.from),
        subjects.map((s) => s.to),
        keys.map(([id]) => id),
        keys.map(([, key]) => key),
        limits.duplicates,
        limits.perKey,
      ]);
    for (const r of rows) {
      found.get(r.subject)?.push({ articleId: r.id, clusterId: r.cluster_id, when: r.when, duplicate: r.duplicate, shared: r.shared });
    }
    return found;
  }

  /** Clusters' stored sizes and time spans (exact while the cluster lock is held: only its holder changes them). */
  async states(ids: string[], manager: EntityManager): Promise<ClusterStateRow[]> {
    if (!ids.length) return [];
    const rows: Array<{
      id: string;
      created_at: Date;
      article_count: number;
      first_published_at: Date | null;
      last_published_at: Date | null;
    }> = await preparedRows(
      manager,
      'clusters_states',
      `SELECT id, created_at, article_count, first_published_at, last_published_at FROM story_clusters WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      size: r.article_count,
      first: r.first_published_at,
      last: r.last_published_at,
    }));
  }

  /** Stores clusters' sizes and time spans, as their placing worked them out, in one statement. */
  async saveStates(states: ClusterStateRow[], manager: EntityManager): Promise<void> {
    if (!states.length) return;
    await manager.query(
      `UPDATE story_clusters c SET article_count = t.n, first_published_at = t.first, last_published_at = t.last, updated_at = now()
       FROM unnest($1::uuid[], $2::integer[], $3::timestamptz[], $4::timestamptz[]) AS t(id, n, first, last) WHERE c.id = t.id`,
      [states.map((s) => s.id), states.map((s) => s.size), states.map((s) => s.first), states.map((s) => s.last)],
    );
  }

  async create(id: string, title: string | null, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO story_clusters (id, title) VALUES ($1, $2)`, [id, title]);
  }

  /**
   * Marks `others` as merged into `target` (and what was merged into them earlier as merged into the target too).
   * Their articles move with {@link moveArticles}.
   */
  async mergeInto(target: string, others: string[], manager: EntityManager): Promise<void> {
    if (!others.length) return;
    await manager.query(`UPDATE story_clusters SET merged_into = $1, article_count = 0, updated_at = now() WHERE id = ANY($2::uuid[])`, [
      target,
      others,
    ]);
    // Clusters merged earlier into one of these now point at the target directly.
    await manager.query(`UPDATE story_clusters SET merged_into = $1 WHERE merged_into = ANY($2::uuid[])`, [target, others]);
  }

  /**
   * A batch's placements in two statements: these articles go to these clusters, and the articles still stored in
   * clusters merged away go to where those went. Only rows whose cluster changes are written (every article update
   * rewrites the row and each of its indexes).
   */
  async moveArticles(placed: Map<string, string>, merged: Map<string, string>, manager: EntityManager): Promise<void> {
    if (placed.size) {
      await preparedRows(
        manager,
        'clusters_place_many',
        `UPDATE articles a SET cluster_id = t.cluster_id FROM unnest($1::uuid[], $2::uuid[]) AS t(id, cluster_id)
         WHERE a.id = t.id AND a.cluster_id IS DISTINCT FROM t.cluster_id`,
        [[...placed.keys()], [...placed.values()]],
      );
    }
    if (merged.size) {
      await preparedRows(
        manager,
        'clusters_move_merged',
        `UPDATE articles a SET cluster_id = m.target FROM unnest($1::uuid[], $2::uuid[]) AS m(merged, target) WHERE a.cluster_id = m.merged`,
        [[...merged.keys()], [...merged.values()]],
      );
    }
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
