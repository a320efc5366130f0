import { ArticleStatus, type ReEnrichFilter, type StoredEnrichment } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedRows } from './query-rows';

/** What an enrichment run writes on its article: the enrichment (`StoredEnrichment` of @copydesk/contracts) and its version. */
export interface EnrichmentWrite {
  enrichment: StoredEnrichment;
  enricherVersion: string;
  /** Detected language, kept only where the article has none of its own (null: leave the language alone). */
  detectedLanguage: string | null;
}

/** An article a bulk re-enrich will queue, at its current revision. */
export interface ReEnrichCandidate {
  id: string;
  revision: number;
}

/** Enrichment results on articles, and the selection of articles to enrich again. */
@Injectable()
export class ArticleEnrichmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores an enrichment of `revision`, only while the article is at that revision and not killed. An article not
   * yet enriched becomes `enriched`; a published one stays published (a re-enrichment is not a step back).
   */
  async store(articleId: string, revision: number, stored: EnrichmentWrite, manager: EntityManager): Promise<boolean> {
    return (await this.storeMany([{ articleId, revision, ...stored }], manager)).has(articleId);
  }

  /**
   * {@link store} for several articles; returns the ids whose enrichment was written. The detected language is set
   * in a statement of its own, for the articles without one: the search vector follows the language, and PostgreSQL
   * recomputes it only when an UPDATE names a column it depends on.
   */
  async storeMany(rows: Array<EnrichmentWrite & { articleId: string; revision: number }>, manager: EntityManager): Promise<Set<string>> {
    const written = new Set<string>();
    for (const setsLanguage of [false, true]) {
      const group = rows.filter((row) => (row.detectedLanguage !== null) === setsLanguage);
      if (!group.length) continue;
      const updated = await preparedRows<{ id: string }>(
        manager,
        setsLanguage ? 'enrichments_store_with_language' : 'enrichments_store',
        `UPDATE articles a SET enrichment = r.enrichment, enricher_version = r."enricherVersion", enriched_revision = r.revision,
           ${setsLanguage ? 'language = coalesce(a.language, r.language),' : ''}
           status = CASE WHEN a.status IN ($2, $3) THEN $4 ELSE a.status END, enriched_at = now(), updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, revision integer, enrichment jsonb, "enricherVersion" text, language text)
         WHERE a.id = r.id AND a.revision = r.revision AND a.status <> $5
         RETURNING a.id`,
        [
          JSON.stringify(
            group.map((row) => ({
              id: row.articleId,
              revision: row.revision,
              enrichment: row.enrichment,
              enricherVersion: row.enricherVersion,
              language: row.detectedLanguage,
            })),
          ),
          ArticleStatus.Received,
          ArticleStatus.Extracted,
          ArticleStatus.Enriched,
          ArticleStatus.Killed,
        ],
      );
      for (const row of updated) written.add(row.id);
    }
    return written;
  }

  /** Replaces the stored enrichment alone (an editor's correction merged in); versions and status stay. */
  async replaceEnrichment(articleId: string, enrichment: Record<string, unknown>, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE articles SET enrichment = $2::jsonb, updated_at = now() WHERE id = $1`, [
      articleId,
      JSON.stringify(enrichment),
    ]);
  }

  /** How many articles the filter covers, counting no further than `limit`. */
  async countReEnrichable(filter: ReEnrichFilter, limit: number): Promise<number> {
    const { where, params } = reEnrichWhere(filter);
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM articles a WHERE ${where} LIMIT $${params.length + 1}) matched`,
      [...params, limit],
    );
    return rows[0].n;
  }

  /** The next `limit` articles of the filter after the id `after`, in id order (keyset paging). */
  async pageReEnrichable(filter: ReEnrichFilter, after: string | null, limit: number): Promise<ReEnrichCandidate[]> {
    const { where, params } = reEnrichWhere(filter);
    return this.dataSource.query(
      `SELECT a.id, a.revision FROM articles a WHERE ${where} AND a.id > $${params.length + 1} ORDER BY a.id LIMIT $${params.length + 2}`,
      [...params, after ?? '00000000-0000-0000-0000-000000000000', limit],
    );
  }
}

function reEnrichWhere(filter: ReEnrichFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [ArticleStatus.Killed];
  // Killed articles are never enriched again; revision 0 has no content to enrich.
  const conditions = ['a.status <> $1', 'a.revision > 0'];
  const add = (sql: (placeholder: string) => string, value: unknown): void => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.sourceIds?.length) add((p) => `a.source_id = ANY(${p}::uuid[])`, filter.sourceIds);
  if (filter.statuses?.length) add((p) => `a.status = ANY(${p}::text[])`, filter.statuses);
  if (filter.enricherVersionNot !== undefined) add((p) => `a.enricher_version IS DISTINCT FROM ${p}`, filter.enricherVersionNot);
  if (filter.schemeVersionNot !== undefined) add((p) => `(a.enrichment->>'schemeVersion') IS DISTINCT FROM ${p}`, filter.schemeVersionNot);
  if (filter.topicModelVersionNot !== undefined)
    add((p) => `(a.enrichment->>'topicModelVersion') IS DISTINCT FROM ${p}`, filter.topicModelVersionNot);
  if (filter.publishedFrom) add((p) => `a.published_at >= ${p}::timestamptz`, filter.publishedFrom);
  if (filter.publishedTo) add((p) => `a.published_at < ${p}::timestamptz`, filter.publishedTo);
  if (filter.receivedFrom) add((p) => `a.created_at >= ${p}::timestamptz`, filter.receivedFrom);
  if (filter.receivedTo) add((p) => `a.created_at < ${p}::timestamptz`, filter.receivedTo);
  return { where: conditions.join(' AND '), params };
}
