import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface FingerprintRow {
  articleId: string;
  sourceId: string;
  revision: number;
  minhash: Buffer;
  shingleCount: number;
  bands: number[];
  title: string;
  publishedAt: Date | null;
}

export interface CandidateRow {
  articleId: string;
  sourceId: string;
  minhash: Buffer;
  shingleCount: number;
  title: string;
  publishedAt: Date | null;
}

export interface RelationRow {
  articleId: string;
  relatedArticleId: string;
  relation: string;
  similarity: number;
  titleSimilarity: number;
}

export interface RelatedArticleRow {
  id: string;
  relation: string;
  /** `later`: the related article came after this one (it is the copy); `earlier`: this one copies it. */
  direction: 'earlier' | 'later';
  similarity: number;
  title: string | null;
  sourceId: string;
  publishedAt: Date | null;
  status: string;
}

/** The near-duplicate index (MinHash signatures and LSH band keys) and the relations it finds. */
@Injectable()
export class RelationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Stores the article's fingerprint and replaces its band keys (its text may have changed). */
  async saveFingerprint(row: FingerprintRow, manager?: EntityManager): Promise<void> {
    const m = this.manager(manager);
    await m.query(
      `INSERT INTO article_fingerprints (article_id, source_id, revision, minhash, shingle_count, title, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (article_id) DO UPDATE SET revision = EXCLUDED.revision, minhash = EXCLUDED.minhash, shingle_count = EXCLUDED.shingle_count,
         title = EXCLUDED.title, published_at = EXCLUDED.published_at, updated_at = now()`,
      [row.articleId, row.sourceId, row.revision, row.minhash, row.shingleCount, row.title, row.publishedAt],
    );
    await m.query(`DELETE FROM article_minhash_bands WHERE article_id = $1`, [row.articleId]);
    await m.query(
      `INSERT INTO article_minhash_bands (band_key, article_id) SELECT DISTINCT unnest($1::integer[]), $2::uuid ON CONFLICT DO NOTHING`,
      [row.bands, row.articleId],
    );
  }

  /**
   * Articles sharing at least one band key, those sharing most first: one b-tree probe per key, so the cost
   * follows the number of collisions, not the size of the index.
   */
  async candidates(articleId: string, bands: number[], limit: number, manager?: EntityManager): Promise<CandidateRow[]> {
    const rows: Array<{
      article_id: string;
      source_id: string;
      minhash: Buffer;
      shingle_count: number;
      title: string;
      published_at: Date | null;
    }> = await this.manager(manager).query(
      `SELECT f.article_id, f.source_id, f.minhash, f.shingle_count, f.title, f.published_at
         FROM (SELECT article_id, count(*) AS shared FROM article_minhash_bands WHERE band_key = ANY($1::integer[]) AND article_id <> $2
               GROUP BY article_id ORDER BY shared DESC LIMIT $3) c
         JOIN article_fingerprints f ON f.article_id = c.article_id ORDER BY c.shared DESC`,
      [bands, articleId, limit],
    );
    return rows.map((r) => ({
      articleId: r.article_id,
      sourceId: r.source_id,
      minhash: r.minhash,
      shingleCount: r.shingle_count,
      title: r.title,
      publishedAt: r.published_at,
    }));
  }

  /** Articles with exactly this content hash (the exact-duplicate check, also for texts too short to fingerprint). */
  async sameContent(
    articleId: string,
    contentHash: string,
    limit: number,
    manager?: EntityManager,
  ): Promise<Array<{ id: string; sourceId: string; title: string | null; publishedAt: Date | null }>> {
    const rows: Array<{ id: string; source_id: string; title: string | null; published_at: Date | null }> = await this.manager(
      manager,
    ).query(`SELECT id, source_id, title, published_at FROM articles WHERE content_hash = $1 AND id <> $2 AND revision > 0 LIMIT $3`, [
      contentHash,
      articleId,
      limit,
    ]);
    return rows.map((r) => ({ id: r.id, sourceId: r.source_id, title: r.title, publishedAt: r.published_at }));
  }

  /** Replaces the relations this article holds to earlier ones (its text changed, so its copies may have too). */
  async replaceRelations(articleId: string, relations: RelationRow[], manager?: EntityManager): Promise<void> {
    const m = this.manager(manager);
    await m.query(`DELETE FROM article_relations WHERE article_id = $1`, [articleId]);
    for (const r of relations) {
      await m.query(
        `INSERT INTO article_relations (article_id, related_article_id, relation, similarity, title_similarity) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (article_id, related_article_id) DO UPDATE SET relation = EXCLUDED.relation, similarity = EXCLUDED.similarity,
           title_similarity = EXCLUDED.title_similarity, detected_at = now()`,
        [r.articleId, r.relatedArticleId, r.relation, r.similarity, r.titleSimilarity],
      );
    }
  }

  /** Every article related to this one, in either direction, most similar first. */
  async related(articleId: string): Promise<RelatedArticleRow[]> {
    const rows: Array<{
      id: string;
      relation: string;
      direction: 'earlier' | 'later';
      similarity: number;
      title: string | null;
      source_id: string;
      published_at: Date | null;
      status: string;
    }> = await this.dataSource.query(
      `SELECT a.id, r.relation, r.direction, r.similarity, a.title, a.source_id, a.published_at, a.status FROM (
           SELECT related_article_id AS id, relation, 'earlier' AS direction, similarity FROM article_relations WHERE article_id = $1
           UNION ALL
           SELECT article_id AS id, relation, 'later' AS direction, similarity FROM article_relations WHERE related_article_id = $1
         ) r JOIN articles a ON a.id = r.id ORDER BY r.similarity DESC, a.published_at NULLS LAST`,
      [articleId],
    );
    return rows.map((r) => ({
      id: r.id,
      relation: r.relation,
      direction: r.direction,
      similarity: Number(r.similarity),
      title: r.title,
      sourceId: r.source_id,
      publishedAt: r.published_at,
      status: r.status,
    }));
  }
}
