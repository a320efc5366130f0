/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const VECTOR_OF_NEW = `setweight(to_tsvector(copydesk_ts_config(NEW.language), coalesce(NEW.title, '')), 'A') ||
  setweight(to_tsvector(copydesk_ts_config(NEW.language), coalesce(NEW.body_text, '')), 'B')`;

/** The trigger function of 1764500000000, with or without the columns this migration adds. */
function indexFunction(withCandidateColumns: boolean): string {
  const upsert = withCandidateColumns
    ? `INSERT INTO article_search (article_id, search_vector, source_id, created_at, config)
          VALUES (NEW.id, ${VECTOR_OF_NEW}, NEW.source_id, NEW.created_at, copydesk_ts_config(NEW.language))
          ON CONFLICT (article_id) DO UPDATE SET search_vector = EXCLUDED.search_vector, config = EXCLUDED.config,
            source_id = EXCLUDED.source_id, created_at = EXCLUDED.created_at`
    : `INSERT INTO article_search (article_id, search_vector) VALUES (NEW.id, ${VECTOR_OF_NEW})
          ON CONFLICT (article_id) DO UPDATE SET search_vector = EXCLUDED.search_vector`;
  return `
    CREATE OR REPLACE FUNCTION copydesk_index_article_text() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- Nothing to index yet (an article allocated before its first input is read).
      IF NEW.title IS NULL AND NEW.body_text IS NULL THEN RETURN NULL; END IF;
      -- Language unknown until this revision's enrichment: it indexes the text then.
      IF NEW.language IS NULL AND NEW.revision > 0 AND NEW.enriched_revision IS DISTINCT FROM NEW.revision THEN RETURN NULL; END IF;
      IF TG_OP = 'INSERT' OR NEW.title IS DISTINCT FROM OLD.title OR NEW.body_text IS DISTINCT FROM OLD.body_text
         OR NEW.language IS DISTINCT FROM OLD.language
         -- The enrichment of a revision that waited for its language, which stayed unknown.
         OR (OLD.language IS NULL AND NEW.enriched_revision IS DISTINCT FROM OLD.enriched_revision) THEN
        ${upsert};
      END IF;
      RETURN NULL;
    END $$`;
}

/**
 * Full-text search without reading `articles` for every match. `article_search` carries what the search filters and
 * orders its candidates by: the source and arrival time (both fixed for an article's life) and the text-search
 * configuration of its language (re-indexed with it). A match is then filtered by source, bounded to the newest
 * candidates and checked in its own language from this table alone; `articles` is read for the page's rows only.
 * The indexes that serve this are built CONCURRENTLY by the next migration.
 */
export class SearchCandidates1765300000000 implements MigrationInterface {
  name = 'SearchCandidates1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE article_search ADD COLUMN source_id uuid, ADD COLUMN created_at timestamptz, ADD COLUMN config regconfig`);
    await q.query(`
      UPDATE article_search s SET source_id = a.source_id, created_at = a.created_at, config = copydesk_ts_config(a.language)
      FROM articles a WHERE a.id = s.article_id`);
    await q.query(
      `ALTER TABLE article_search ALTER COLUMN source_id SET NOT NULL, ALTER COLUMN created_at SET NOT NULL, ALTER COLUMN config SET NOT NULL`,
    );
    await q.query(indexFunction(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(indexFunction(false));
    await q.query(`ALTER TABLE article_search DROP COLUMN source_id, DROP COLUMN created_at, DROP COLUMN config`);
  }
}
