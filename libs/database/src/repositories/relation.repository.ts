import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedRows } from './query-rows';

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
  /** The article whose lookup found this candidate (in batch lookups). */
  subject?: string;
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

/** An article whose exact copies are looked for. */
export interface ContentProbe {
  articleId: string;
  contentHash: string;
}

/** An article whose near-duplicates are looked for, by its band keys. */
export interface BandProbe {
  articleId: string;
  bands: number[];
}

export interface SameContentRow {
  subject: string;
  id: string;
  sourceId: string;
  title: string | null;
  publishedAt: Date | null;
}

interface CandidateDbRow {
  subject: string;
  article_id: string;
  source_id: string;
  minhash: Buffer;
  shingle_count: number;
  title: string;
  published_at: Date | null;
}

// Per probe: at most $3 articles per band key (one b-tree range, stopping early however common the key), then the
// $4 sharing most keys. The cost is bounded by bands × $3 whatever the index holds: a thousand near-identical texts
// cost what a thousand distinct ones do.
const CANDIDATES = `
  WITH probe AS (
    SELECT * FROM unnest($1::uuid[], $2::integer[]) AS p(subject, band_key)
  ), hits AS (
    SELECT p.subject, b.article_id, count(*) AS shared FROM probe p
    CROSS JOIN LATERAL (SELECT article_id FROM article_minhash_bands b WHERE b.band_key = p.band_key AND b.article_id <> p.subject LIMIT $3) b
    GROUP BY p.subject, b.article_id
  ), ranked AS (
    SELECT subject, article_id, shared, row_number() OVER (PARTITION BY subject ORDER BY shared DESC, article_id) AS rank FROM hits
  )
  SELECT r.subject, f.article_id, f.source_id, f.minhash, f.shingle_count, f.title, f.published_at
  FROM ranked r JOIN article_fingerprints f ON f.article_id = r.article_id WHERE r.rank <= $4 ORDER BY r.subject, r.rank`;

/** The near-duplicate index (MinHash signatures and LSH band keys) and the relations it finds. */
@Injectable()
export class RelationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores several articles' fingerprints and brings their band keys up to date, in one statement: keys an article
   * no longer has are deleted and the others inserted where missing (the two sets are disjoint, so the parts never
   * collide).
   */
  async saveFingerprints(rows: FingerprintRow[], manager: EntityManager): Promise<void> {
    if (!rows.length) return;
    const keys = rows.flatMap((r) => [...new Set(r.bands)].map((band) => [band, r.articleId] as const));
    await preparedRows(
      manager,
      'relations_save_fingerprints',
      `WITH fingerprints AS (
         INSERT INTO article_fingerprints (article_id, source_id, revision, minhash, shingle_count, title, published_at)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::integer[], $4::bytea[], $5::integer[], $6::text[], $7::timestamptz[])
         ON CONFLICT (article_id) DO UPDATE SET revision = EXCLUDED.revision, minhash = EXCLUDED.minhash, shingle_count = EXCLUDED.shingle_count,
           title = EXCLUDED.title, published_at = EXCLUDED.published_at, updated_at = now()
       ), wanted AS (
         SELECT * FROM unnest($8::integer[], $9::uuid[]) AS w(band_key, article_id)
       ), stale AS (
         DELETE FROM article_minhash_bands b WHERE b.article_id = ANY($1::uuid[])
           AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.band_key = b.band_key AND w.article_id = b.article_id)
       )
       INSERT INTO article_minhash_bands (band_key, article_id) SELECT band_key, article_id FROM wanted ON CONFLICT DO NOTHING`,
      [
        rows.map((r) => r.articleId),
        rows.map((r) => r.sourceId),
        rows.map((r) => r.revision),
        rows.map((r) => r.minhash),
        rows.map((r) => r.shingleCount),
        rows.map((r) => r.title),
        rows.map((r) => r.publishedAt),
        keys.map(([band]) => band),
        keys.map(([, id]) => id),
      ],
    );
  }

  /** Candidates for several articles in one statement, each lookup bounded (see CANDIDATES). */
  async candidatesMany(probes: BandProbe[], perBand: number, limit: number, manager: EntityManager): Promise<CandidateRow[]> {
    if (!probes.length) return [];
    const pairs = probes.flatMap((p) => p.bands.map((band) => [p.articleId, band] as const));
    const rows = await preparedRows<CandidateDbRow>(manager, 'relations_candidates', CANDIDATES, [
      pairs.map(([id]) => id),
      pairs.map(([, band]) => band),
      perBand,
      limit,
    ]);
    return rows.map((r) => ({
      subject: r.subject,
      articleId: r.article_id,
      sourceId: r.source_id,
      minhash: r.minhash,
      shingleCount: r.shingle_count,
      title: r.title,
      publishedAt: r.published_at,
    }));
  }

  /** Exact copies (same content hash) of several articles, at most `limit` each. */
  async sameContentMany(probes: ContentProbe[], limit: number, manager: EntityManager): Promise<SameContentRow[]> {
    if (!probes.length) return [];
    const rows = await preparedRows<{ subject: string; id: string; source_id: string; title: string | null; published_at: Date | null }>(
      manager,
      'relations_same_content',
      `SELECT s.subject, a.id, a.source_id, a.title, a.published_at FROM unnest($1::uuid[], $2::text[]) AS s(subject, hash)
       CROSS JOIN LATERAL (SELECT id, source_id, title, published_at FROM articles a
                           WHERE a.content_hash = s.hash AND a.id <> s.subject AND a.revision > 0 LIMIT $3) a`,
      [probes.map((p) => p.articleId), probes.map((p) => p.contentHash), limit],
    );
    return rows.map((r) => ({ subject: r.subject, id: r.id, sourceId: r.source_id, title: r.title, publishedAt: r.published_at }));
  }

  /**
   * Replaces the relations these articles hold to earlier ones, in one statement: pairs no longer found are deleted,
   * the others inserted or updated (disjoint sets again).
   */
  async replaceRelationsMany(articleIds: string[], relations: RelationRow[], manager: EntityManager): Promise<void> {
    if (!articleIds.length) return;
    await preparedRows(
      manager,
      'relations_replace',
      `WITH found AS (
         SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::real[], $6::real[])
           AS f(article_id, related_article_id, relation, similarity, title_similarity)
       ), gone AS (
         DELETE FROM article_relations r WHERE r.article_id = ANY($1::uuid[])
           AND NOT EXISTS (SELECT 1 FROM found f WHERE f.article_id = r.article_id AND f.related_article_id = r.related_article_id)
       )
       INSERT INTO article_relations (article_id, related_article_id, relation, similarity, title_similarity)
       SELECT * FROM found
       ON CONFLICT (article_id, related_article_id) DO UPDATE SET relation = EXCLUDED.relation, similarity = EXCLUDED.similarity,
         title_similarity = EXCLUDED.title_similarity, detected_at = now()`,
      [
        articleIds,
        relations.map((r) => r.articleId),
        relations.map((r) => r.relatedArticleId),
        relations.map((r) => r.relation),
        relations.map((r) => r.similarity),
        relations.map((r) => r.titleSimilarity),
      ],
    );
  }

  /** The `limit` articles most related to this one, in either direction, most similar first. */
  async related(articleId: string, limit: number): Promise<RelatedArticleRow[]> {
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
           (SELECT related_article_id AS id, relation, 'earlier' AS direction, similarity FROM article_relations WHERE article_id = $1
            ORDER BY similarity DESC LIMIT $2)
           UNION ALL
           (SELECT article_id AS id, relation, 'later' AS direction, similarity FROM article_relations WHERE related_article_id = $1
            ORDER BY similarity DESC LIMIT $2)
         ) r JOIN articles a ON a.id = r.id ORDER BY r.similarity DESC, a.published_at NULLS LAST LIMIT $2`,
      [articleId, limit],
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
