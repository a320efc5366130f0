/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search at scale. `topic_codes`: every IPTC Media Topic of the article's enrichment with all its ancestors, so a
 * search for a topic finds its narrower topics too, through one GIN index. Keyset indexes for the newest-first
 * lists (all articles, by status, by source), a source's date ranges, and the text-search configurations in use.
 */
export class ArticleSearch1764413000000 implements MigrationInterface {
  name = 'ArticleSearch1764413000000';

  async up(q: QueryRunner): Promise<void> {
    // IMMUTABLE so it can feed a generated column: the same enrichment always gives the same codes.
    await q.query(`
      CREATE FUNCTION copydesk_topic_codes(enrichment jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT code ORDER BY code), '{}')
        FROM (
          SELECT topic->>'qcode' AS code FROM jsonb_array_elements(
            CASE WHEN jsonb_typeof(enrichment->'topics') = 'array' THEN enrichment->'topics' ELSE '[]'::jsonb END) topic
          UNION
          SELECT ancestor->>'qcode' FROM jsonb_array_elements(
            CASE WHEN jsonb_typeof(enrichment->'topics') = 'array' THEN enrichment->'topics' ELSE '[]'::jsonb END) topic,
            jsonb_array_elements(CASE WHEN jsonb_typeof(topic->'ancestors') = 'array' THEN topic->'ancestors' ELSE '[]'::jsonb END) ancestor
        ) codes
        WHERE code IS NOT NULL
      $$`);
    await q.query(`ALTER TABLE articles ADD COLUMN topic_codes text[] GENERATED ALWAYS AS (copydesk_topic_codes(enrichment)) STORED`);
    await q.query(`CREATE INDEX articles_topic_codes_idx ON articles USING gin (topic_codes)`);
    await q.query(`CREATE INDEX articles_created_idx ON articles (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX articles_status_created_idx ON articles (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX articles_source_created_idx ON articles (source_id, created_at DESC, id DESC)`);
    // A publication range (within a source, or not), newest first by publication: an ordered range scan.
    await q.query(`CREATE INDEX articles_source_published_idx ON articles (source_id, published_at DESC, id DESC)`);
    await q.query(`CREATE INDEX articles_published_id_idx ON articles (published_at DESC, id DESC)`);
    await q.query(`DROP INDEX articles_published_at_idx`);
    // Which text-search configurations are in use, by a loose scan (a handful of probes): a query is parsed in those.
    await q.query(`CREATE INDEX articles_ts_config_idx ON articles ((copydesk_ts_config(language)::oid))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX articles_ts_config_idx`);
    await q.query(`CREATE INDEX articles_published_at_idx ON articles (published_at DESC)`);
    await q.query(`DROP INDEX articles_published_id_idx`);
    await q.query(`DROP INDEX articles_source_published_idx`);
    await q.query(`DROP INDEX articles_source_created_idx`);
    await q.query(`DROP INDEX articles_status_created_idx`);
    await q.query(`DROP INDEX articles_created_idx`);
    await q.query(`ALTER TABLE articles DROP COLUMN topic_codes`);
    await q.query(`DROP FUNCTION copydesk_topic_codes(jsonb)`);
  }
}
