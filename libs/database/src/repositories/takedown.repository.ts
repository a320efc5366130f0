import { ArticleStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from './query-rows';

/** What a takedown removed, counted: the audit record keeps these numbers, never what they held. */
export interface TakedownCounts {
  revisions: number;
  rawItems: number;
  relations: number;
  deliveries: number;
  deliveryAttempts: number;
  editorialCorrections: number;
}

/** The reason an article row shows after a takedown; the administrator's own words stay in the audit record. */
export const TAKEN_DOWN_REASON = 'taken down';

/**
 * Removes an article's content everywhere it is stored, inside the caller's transaction: revisions, raw inputs (and
 * the feed documents they came in), duplicate and cluster relations, fingerprints, entity keys, editorial
 * corrections, deliveries with their attempts. The article row stays as a tombstone with no content (id, source,
 * status `killed`), so the `article.killed` deliveries and the audit record can name it.
 */
@Injectable()
export class TakedownRepository {
  async removeContent(articleId: string, manager: EntityManager): Promise<TakedownCounts> {
    const count = async (sql: string, parameters: unknown[]): Promise<number> => (await queryRows(manager, sql, parameters)).length;
    const raw = await queryRows<{ id: string; feed_document_id: string | null }>(
      manager,
      `SELECT id, metadata->>'feedDocumentId' AS feed_document_id FROM raw_items WHERE article_id = $1`,
      [articleId],
    );
    // The feed document an item arrived in holds the item's text too: it goes with it (the other items keep their own).
    const rawIds = [...new Set(raw.flatMap((row) => (row.feed_document_id ? [row.id, row.feed_document_id] : [row.id])))];

    const deliveryAttempts = await count(
      `DELETE FROM delivery_attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE article_id = $1) RETURNING id`,
      [articleId],
    );
    const deliveries = await count(`DELETE FROM deliveries WHERE article_id = $1 RETURNING id`, [articleId]);
    const relations = await count(`DELETE FROM article_relations WHERE article_id = $1 OR related_article_id = $1 RETURNING article_id`, [
      articleId,
    ]);
    // The band index has no foreign key to the fingerprints (migration 1765410000000): its rows go explicitly.
    await manager.query(`DELETE FROM article_minhash_bands WHERE article_id = $1`, [articleId]);
    await manager.query(`DELETE FROM article_fingerprints WHERE article_id = $1`, [articleId]);
    await manager.query(`DELETE FROM article_entity_keys WHERE article_id = $1`, [articleId]);
    const editorialCorrections = await count(`DELETE FROM editorial_corrections WHERE article_id = $1 RETURNING id`, [articleId]);
    const revisions = await count(`DELETE FROM article_revisions WHERE article_id = $1 RETURNING id`, [articleId]);
    await manager.query(`UPDATE article_revisions SET raw_item_id = NULL WHERE raw_item_id = ANY($1::uuid[])`, [rawIds]);
    const rawItems = await count(`DELETE FROM raw_items WHERE id = ANY($1::uuid[]) RETURNING id`, [rawIds]);
    // The feed keeps knowing the item (so the next poll does not bring it back as new), not which article it was.
    await manager.query(`UPDATE source_items SET article_id = NULL WHERE article_id = $1`, [articleId]);
    await this.leaveCluster(articleId, manager);
    await manager.query(
      `UPDATE articles SET title = NULL, byline = NULL, authors = '[]', description = NULL, body_html = NULL, body_text = NULL,
         url = NULL, canonical_url = NULL, external_id = NULL, content_hash = NULL, enrichment = NULL, enricher_version = NULL,
         enriched_revision = NULL, modified_at = NULL, embargo_until = NULL, failure_reason = NULL, cluster_id = NULL,
         metadata = jsonb_build_object('takenDown', true), status = $2, kill_reason = $3, killed_at = coalesce(killed_at, now()),
         updated_at = now()
       WHERE id = $1`,
      [articleId, ArticleStatus.Killed, TAKEN_DOWN_REASON],
    );
    return { revisions, rawItems, relations, deliveries, deliveryAttempts, editorialCorrections };
  }

  /** Out of its story cluster; a cluster named after it takes the next article's title. */
  private async leaveCluster(articleId: string, manager: EntityManager): Promise<void> {
    const [row] = await queryRows<{ cluster_id: string | null; title: string | null }>(
      manager,
      `SELECT cluster_id, title FROM articles WHERE id = $1`,
      [articleId],
    );
    if (!row?.cluster_id) return;
    await manager.query(`UPDATE articles SET cluster_id = NULL WHERE id = $1`, [articleId]);
    await manager.query(
      `UPDATE story_clusters c SET article_count = s.n, updated_at = now(),
         title = CASE WHEN c.title IS NOT DISTINCT FROM $2 THEN s.title ELSE c.title END
       FROM (SELECT count(*)::int AS n, (array_agg(title ORDER BY coalesce(published_at, created_at)))[1] AS title
             FROM articles WHERE cluster_id = $1) s
       WHERE c.id = $1`,
      [row.cluster_id, row.title],
    );
  }
}
